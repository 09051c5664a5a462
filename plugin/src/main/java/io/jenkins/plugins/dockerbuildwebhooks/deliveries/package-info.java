/** The per-build record of deliveries: what was sent where, every attempt, how it ended. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
