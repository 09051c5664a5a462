package io.jenkins.plugins.dockerbuildwebhooks.delivery;

/**
 * What the dispatcher keeps of a response: status, the headers it acts on, and a body excerpt.
 *
 * @param bodyNote why the body excerpt is incomplete (read stopped at the cap, deadline), or null
 */
record ResponseSummary(int status, String retryAfter, String location, String excerpt, String bodyNote) {}
