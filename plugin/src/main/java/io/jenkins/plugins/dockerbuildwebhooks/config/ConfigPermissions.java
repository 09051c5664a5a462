package io.jenkins.plugins.dockerbuildwebhooks.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * The permission every form web method (validation, list filling, test delivery) checks: who may
 * configure where the form is. Global configuration needs Overall/Administer, a job's post-build
 * action or Snippet Generator form needs Job/Configure on that job.
 */
public final class ConfigPermissions {
    private ConfigPermissions() {}

    /**
     * Throws Spring's {@code AccessDeniedException} (HTTP 403) unless the current user may configure
     * {@code item}, or Jenkins itself when {@code item} is null.
     */
    public static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }
}
