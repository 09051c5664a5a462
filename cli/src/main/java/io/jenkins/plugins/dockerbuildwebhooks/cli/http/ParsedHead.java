package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

/** What reading a request's head gave: a request, a refusal to answer with, or a connection closed between requests. */
sealed interface ParsedHead {
    record Request(HttpRequest request) implements ParsedHead {}

    /** A malformed or oversized head: answered with this status, then the connection is closed. */
    record Refusal(int status, String reason) implements ParsedHead {}

    /** The client closed the connection (or stayed silent too long) before a new request began. */
    record Closed() implements ParsedHead {}
}
