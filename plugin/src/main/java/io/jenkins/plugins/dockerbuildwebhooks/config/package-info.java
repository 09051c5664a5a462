/** Global configuration: the endpoints builds may send to, defaults and the network policy. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dockerbuildwebhooks.config;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
