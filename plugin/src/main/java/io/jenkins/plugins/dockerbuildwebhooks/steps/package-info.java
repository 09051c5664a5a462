/** The freestyle post-build action and the {@code dockerWebhook} Pipeline step, both thin over {@link io.jenkins.plugins.dockerbuildwebhooks.steps.WebhookNotifier}. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
