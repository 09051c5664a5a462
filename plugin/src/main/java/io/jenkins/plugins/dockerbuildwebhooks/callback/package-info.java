/**
 * The callback endpoint: where receivers POST their Docker Hub callback reports, and the
 * instance secret behind the per-delivery tokens in {@code callback_url}.
 */
package io.jenkins.plugins.dockerbuildwebhooks.callback;
