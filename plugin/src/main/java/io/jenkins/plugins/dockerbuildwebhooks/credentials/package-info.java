/** Looking up and listing the credentials endpoints name: signing secrets, tokens, secret URLs. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dockerbuildwebhooks.credentials;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
