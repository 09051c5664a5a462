/**
 * The receiving side of a webhook: signature checks (Standard Webhooks, {@code X-Hub-Signature-256})
 * and the Docker Hub fields a receiver reads. Used by the CLI's {@code receive} command and by tests
 * that check what a sender sent.
 */
package io.jenkins.plugins.dockerbuildwebhooks.receiver;
