package io.jenkins.plugins.dockerbuildwebhooks.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * Fills the credentials drop-downs. Only users who may configure the context (Overall/Administer
 * globally, Job/Extended Read or Credentials/Use Item on a job) see the list; anyone else gets back
 * just the value they sent, so ids cannot be enumerated.
 */
public final class CredentialsListing {
    private CredentialsListing() {}

    /** Secret text credentials: signing secrets and URLs. */
    public static ListBoxModel secretText(@CheckForNull Item item, @CheckForNull String current) {
        return list(item, current, CredentialsMatchers.instanceOf(StringCredentials.class));
    }

    /** Secret text (bearer token) or username with password (basic authentication). */
    public static ListBoxModel authentication(@CheckForNull Item item, @CheckForNull String current) {
        return list(item, current, CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(StringCredentials.class),
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)));
    }

    private static ListBoxModel list(@CheckForNull Item item, @CheckForNull String current, CredentialsMatcher matcher) {
        String value = Util.fixNull(current).trim();
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayList(item)) {
            model.includeCurrentValue(value);
            return model;
        }
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), matcher);
        } else {
            model.includeMatchingAs(authenticationOf(item), item, StandardCredentials.class, List.of(), matcher);
        }
        model.includeCurrentValue(value);
        return model;
    }

    private static boolean mayList(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** The identity builds of {@code item} run as, which decides which credentials they can use. */
    static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
