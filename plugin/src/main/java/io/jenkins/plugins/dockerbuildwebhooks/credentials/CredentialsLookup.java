package io.jenkins.plugins.dockerbuildwebhooks.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds credentials by id in one context, and fails with a message naming the id, what it was
 * for and the type expected when it is missing or of another type.
 *
 * <ul>
 *   <li>{@link #forRun(Run)}: inline endpoints of a build, with the build's identity and usage
 *       tracking (credentials parameters work too);
 *   <li>{@link #global(Run)}: endpoints of the global configuration, which an administrator set
 *       up, with the system identity at the root, usage recorded on the build;
 *   <li>{@link #forItem(Item)}: the test button of a job's form, seeing what that job's builds see.
 * </ul>
 */
public abstract class CredentialsLookup {

    /** Credentials the given build may use. */
    public static CredentialsLookup forRun(Run<?, ?> run) {
        return new InRun(run);
    }

    /** Credentials in the global (root) scope, as the system sees them. */
    public static CredentialsLookup global() {
        return new Global(null);
    }

    /** Like {@link #global()}, recording each use on {@code run} (the credentials' usage list). */
    public static CredentialsLookup global(Run<?, ?> run) {
        return new Global(run);
    }

    /** Credentials builds of {@code item} may use; the root scope when {@code item} is null. */
    public static CredentialsLookup forItem(@CheckForNull Item item) {
        return item == null ? new Global(null) : new InItem(item);
    }

    private static final class InRun extends CredentialsLookup {
        private final Run<?, ?> run;

        InRun(Run<?, ?> run) {
            this.run = run;
        }

        @Override
        public CredentialsRef.Context context() {
            return CredentialsRef.Context.BUILD;
        }

        @Override
        @CheckForNull
        <C extends StandardCredentials> C find(String id, Class<C> type) {
            return CredentialsProvider.findCredentialById(id, type, run, List.of());
        }
    }

    private static final class Global extends CredentialsLookup {
        @CheckForNull
        private final Run<?, ?> trackIn;

        Global(@CheckForNull Run<?, ?> trackIn) {
            this.trackIn = trackIn;
        }

        @Override
        public CredentialsRef.Context context() {
            return CredentialsRef.Context.GLOBAL;
        }

        @Override
        @CheckForNull
        <C extends StandardCredentials> C find(String id, Class<C> type) {
            C found = CredentialsProvider.findCredentialByIdInItemGroup(id, type, Jenkins.get(), ACL.SYSTEM2, List.of());
            if (found != null && trackIn != null) {
                CredentialsProvider.track(trackIn, found);
            }
            return found;
        }
    }

    private static final class InItem extends CredentialsLookup {
        private final Item item;

        InItem(Item item) {
            this.item = item;
        }

        @Override
        public CredentialsRef.Context context() {
            return CredentialsRef.Context.BUILD;
        }

        @Override
        @CheckForNull
        <C extends StandardCredentials> C find(String id, Class<C> type) {
            return CredentialsProvider.findCredentialByIdInItem(id, type, item, CredentialsListing.authenticationOf(item),
                    List.of());
        }
    }

    @CheckForNull
    abstract <C extends StandardCredentials> C find(String id, Class<C> type);

    /**
     * The context references to credentials found here are recorded with, so that a resumed
     * delivery looks them up the same way ({@link #forItem} counts as the build's: it sees what
     * the job's builds see).
     */
    public abstract CredentialsRef.Context context();

    /** A lookup in {@code context} for a delivery of {@code run} (a resume or a redelivery). */
    public static CredentialsLookup in(CredentialsRef.Context context, Run<?, ?> run) {
        return context == CredentialsRef.Context.GLOBAL ? global(run) : forRun(run);
    }

    /**
     * The credentials {@code id} of one of {@code types}.
     *
     * @param purpose what they are for, e.g. {@code signing secret of endpoint "hub"}
     * @throws AbortException naming the id, the purpose and the expected types when there are no
     *     such credentials or they have another type
     */
    public StandardCredentials require(String id, String purpose, List<CredentialsType> types) throws AbortException {
        StandardCredentials found = find(id, StandardCredentials.class);
        if (found == null) {
            throw new AbortException("Credentials \"" + id + "\" (" + purpose + ") not found; expected "
                    + CredentialsType.describe(types) + ".");
        }
        for (CredentialsType type : types) {
            if (type.javaType().isInstance(found)) {
                return found;
            }
        }
        throw new AbortException("Credentials \"" + id + "\" (" + purpose + ") are "
                + found.getDescriptor().getDisplayName() + ", but " + CredentialsType.describe(types) + " is needed.");
    }
}
