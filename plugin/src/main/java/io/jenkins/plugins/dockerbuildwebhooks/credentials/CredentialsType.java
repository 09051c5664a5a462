package io.jenkins.plugins.dockerbuildwebhooks.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import java.util.List;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The credentials kinds endpoints use, with the names the credentials UI shows. */
public enum CredentialsType {
    SECRET_TEXT(StringCredentials.class, "Secret text"),
    USERNAME_PASSWORD(StandardUsernamePasswordCredentials.class, "Username with password");

    private final Class<? extends StandardCredentials> javaType;
    private final String displayName;

    CredentialsType(Class<? extends StandardCredentials> javaType, String displayName) {
        this.javaType = javaType;
        this.displayName = displayName;
    }

    public Class<? extends StandardCredentials> javaType() {
        return javaType;
    }

    /** {@code Secret text} or {@code Secret text or Username with password}. */
    static String describe(List<CredentialsType> types) {
        return types.stream().map(t -> t.displayName).collect(Collectors.joining(" or "));
    }
}
