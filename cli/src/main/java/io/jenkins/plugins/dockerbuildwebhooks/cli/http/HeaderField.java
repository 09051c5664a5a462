package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

/**
 * One header line as it arrived: the name exactly as the client spelled it, the value without the
 * whitespace around it.
 */
public record HeaderField(String name, String value) {}
