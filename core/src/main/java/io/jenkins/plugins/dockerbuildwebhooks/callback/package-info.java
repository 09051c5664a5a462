/**
 * Docker Hub callback reports: what a webhook receiver POSTs back to the {@code callback_url} of
 * a payload ({@code state}, {@code description}, {@code context}, {@code target_url}).
 *
 * <p>{@link io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackParser} turns an untrusted
 * request body into a validated {@link io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport};
 * {@link io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackTokens} issues and checks the
 * per-delivery tokens that make a callback URL unguessable. Nothing here knows about Jenkins or
 * HTTP servers: the plugin and the CLI adapt these classes to their endpoints.
 */
package io.jenkins.plugins.dockerbuildwebhooks.callback;
