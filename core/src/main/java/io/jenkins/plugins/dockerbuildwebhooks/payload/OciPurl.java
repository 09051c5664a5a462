package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.Platform;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Package URLs of type {@code oci} in canonical form: {@code pkg:oci/<name>@sha256:<hex>?<qualifiers>},
 * the name the repository's last path component in lower case, no namespace, qualifiers sorted by
 * key, and every character of a value percent-encoded but letters, digits, {@code .-_~} and
 * {@code :} (so {@code /} in {@code repository_url} is {@code %2F}), as the purl-spec OCI vectors
 * build them. A CDEvent's {@code subject.id} is one of these.
 */
final class OciPurl {
    private OciPurl() {}

    /**
     * The purl of {@code digest} in {@code repository}: {@code repository_url} is registry and path;
     * {@code tag} (nullable) and {@code platform} (nullable: an index, or a single manifest whose
     * platform is not known) add qualifiers {@code tag}, {@code arch}, {@code os} and {@code variant}.
     */
    static String of(RepositoryName repository, Digest digest, String tag, Platform platform) {
        Map<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("repository_url", repository.fullName());
        if (tag != null) {
            qualifiers.put("tag", tag);
        }
        if (platform != null) {
            qualifiers.put("arch", platform.architecture());
            qualifiers.put("os", platform.os());
            platform.optVariant().ifPresent(v -> qualifiers.put("variant", v));
        }
        String path = repository.path();
        return build(path.substring(path.lastIndexOf('/') + 1), digest.toString(), qualifiers);
    }

    /** The canonical form of an {@code oci} purl with these parts (version and qualifiers may be empty). */
    static String build(String name, String version, Map<String, String> qualifiers) {
        StringBuilder purl = new StringBuilder("pkg:oci/").append(encode(name.toLowerCase(Locale.ROOT)));
        if (version != null && !version.isEmpty()) {
            purl.append('@').append(encode(version.toLowerCase(Locale.ROOT)));
        }
        char separator = '?';
        for (Map.Entry<String, String> q : new TreeMap<>(qualifiers).entrySet()) {
            if (q.getValue() == null || q.getValue().isEmpty()) {
                continue;
            }
            purl.append(separator).append(q.getKey().toLowerCase(Locale.ROOT)).append('=').append(encode(q.getValue()));
            separator = '&';
        }
        return purl.toString();
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-_~:".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
