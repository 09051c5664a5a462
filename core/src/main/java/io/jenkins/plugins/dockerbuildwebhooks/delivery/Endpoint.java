package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how deliveries go: URL, signing, extra headers, authentication, limits and timeouts.
 * An immutable value the CLI and the Jenkins plugin build from their configuration.
 *
 * <p>Secrets (signing secret, bearer token, basic password) are {@link Secret}s, and the URL itself
 * may be secret (token-bearing webhook URLs): {@link #toString()} and every message show only
 * {@link #maskedUrl()}. Each secret may carry a <em>reference</em> (e.g. {@code env:HOOK_SECRET},
 * a credentials ID) that the journal stores instead of the value, so a resumed delivery can look
 * the secret up again. The URL may carry a reference too ({@link Builder#urlRef(String)}): the
 * journal then stores only that reference and the masked URL, never the URL itself.
 */
public final class Endpoint {
    /** Default connect timeout per attempt. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time for one whole attempt (connect, send, response headers, body excerpt). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final String id;
    private final URI url;
    private final String urlRef;
    private final SignatureScheme signature;
    private final String hubSignatureHeader;
    private final Secret secret;
    private final String secretRef;
    private final Map<String, String> headers;
    private final Secret bearer;
    private final String bearerRef;
    private final String basicUser;
    private final Secret basicPassword;
    private final String basicPasswordRef;
    private final int maxInFlight;
    private final Duration connectTimeout;
    private final Duration timeout;

    private Endpoint(Builder b) {
        this.id = b.id == null ? maskedUrl(b.url) : b.id;
        this.url = b.url;
        this.urlRef = b.urlRef;
        this.signature = b.signature;
        this.hubSignatureHeader = b.hubSignatureHeader;
        this.secret = b.secret;
        this.secretRef = b.secretRef;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.bearer = b.bearer;
        this.bearerRef = b.bearerRef;
        this.basicUser = b.basicUser;
        this.basicPassword = b.basicPassword;
        this.basicPasswordRef = b.basicPasswordRef;
        this.maxInFlight = b.maxInFlight;
        this.connectTimeout = b.connectTimeout;
        this.timeout = b.timeout;
        if (signature != SignatureScheme.NONE && secret == null) {
            throw new IllegalArgumentException("endpoint " + this.id + ": signature " + signature.id()
                    + " needs a secret");
        }
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase(hubSignatureHeader)) {
                throw new IllegalArgumentException("endpoint " + this.id + ": header " + name
                        + " is where the signature goes and cannot be given");
            }
        }
        if (bearer != null && basicUser != null) {
            throw new IllegalArgumentException("endpoint " + this.id + ": choose bearer or basic authentication, not both");
        }
    }

    /**
     * Starts an endpoint for {@code url}, which must be an absolute http or https URL without user
     * information ({@link WebhookUrls#problem(String)}). The error message never shows more of the
     * URL than {@link #maskedUrl()} does.
     */
    public static Builder builder(String url) {
        return new Builder(WebhookUrls.parse(url));
    }

    /** {@code scheme://host[:port]/…}: all a log or message may show of a possibly secret URL. */
    static String maskedUrl(URI uri) {
        return WebhookUrls.mask(uri);
    }

    /** The identifier results and journals use; defaults to the masked URL. */
    public String id() {
        return id;
    }

    /** The full URL, for sending only: never show it, it may be a secret. */
    public URI url() {
        return url;
    }

    public String maskedUrl() {
        return maskedUrl(url);
    }

    /**
     * Where the URL came from when it is itself a secret (e.g. {@code credentials:<id>}); the
     * journal stores this instead of the URL and a resume looks the URL up through it.
     */
    public Optional<String> urlRef() {
        return Optional.ofNullable(urlRef);
    }

    public SignatureScheme signature() {
        return signature;
    }

    /**
     * The header of the {@code sha256=<hex>} signature ({@link SignatureScheme#hubSignature()}):
     * {@code X-Hub-Signature-256} as GitHub names it, or another name a receiver checks (Flux's
     * {@code generic-hmac} reads {@code X-Signature}).
     */
    public String hubSignatureHeader() {
        return hubSignatureHeader;
    }

    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    public Optional<String> secretRef() {
        return Optional.ofNullable(secretRef);
    }

    /** Extra request headers, in order. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<Secret> bearer() {
        return Optional.ofNullable(bearer);
    }

    public Optional<String> bearerRef() {
        return Optional.ofNullable(bearerRef);
    }

    public Optional<String> basicUser() {
        return Optional.ofNullable(basicUser);
    }

    public Optional<Secret> basicPassword() {
        return Optional.ofNullable(basicPassword);
    }

    public Optional<String> basicPasswordRef() {
        return Optional.ofNullable(basicPasswordRef);
    }

    /** Most deliveries in flight to this endpoint at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Deadline of one whole attempt. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "Endpoint[" + id + " " + maskedUrl() + " signature=" + signature.id() + "]";
    }

    /** Builds an {@link Endpoint}. */
    public static final class Builder {
        private final URI url;
        private String urlRef;
        private String id;
        private SignatureScheme signature = SignatureScheme.NONE;
        private String hubSignatureHeader = HubSignature256Signer.HEADER;
        private Secret secret;
        private String secretRef;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Secret bearer;
        private String bearerRef;
        private String basicUser;
        private Secret basicPassword;
        private String basicPasswordRef;
        private int maxInFlight = 8;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(URI url) {
            this.url = url;
        }

        /** A name for results and journals (default: the masked URL). */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id);
            return this;
        }

        /**
         * Marks the URL as a secret found through {@code ref} (nullable: the URL is not secret), so
         * a journal stores the reference, never the URL, and looks the URL up again on resume.
         */
        public Builder urlRef(String ref) {
            if (ref != null && ref.isBlank()) {
                throw new IllegalArgumentException("a URL reference must not be blank");
            }
            this.urlRef = ref;
            return this;
        }

        /** Signs with {@code secret}; {@code ref} (nullable) is what the journal stores to find it again. */
        public Builder signature(SignatureScheme scheme, Secret secret, String ref) {
            this.signature = Objects.requireNonNull(scheme);
            this.secret = secret;
            this.secretRef = ref;
            return this;
        }

        /**
         * Names the header of the {@code sha256=<hex>} signature (default {@code X-Hub-Signature-256});
         * null or blank means the default.
         *
         * @throws IllegalArgumentException when the name is no header token or one the sender sets itself
         */
        public Builder hubSignatureHeader(String name) {
            if (name == null || name.isBlank()) {
                this.hubSignatureHeader = HubSignature256Signer.HEADER;
            } else {
                Headers.checkSignatureName(name.strip());
                this.hubSignatureHeader = name.strip();
            }
            return this;
        }

        /** Adds a header; names are checked, and headers the sender owns cannot be overridden. */
        public Builder header(String name, String value) {
            Headers.checkCustom(name, value);
            headers.put(name, value);
            return this;
        }

        public Builder bearer(Secret token, String ref) {
            this.bearer = Objects.requireNonNull(token);
            this.bearerRef = ref;
            return this;
        }

        public Builder basic(String user, Secret password, String ref) {
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a basic authentication user name must not contain ':'");
            }
            this.basicUser = user;
            this.basicPassword = Objects.requireNonNull(password);
            this.basicPasswordRef = ref;
            return this;
        }

        public Builder maxInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max in flight must be at least 1, not " + max);
            }
            this.maxInFlight = max;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connect timeout", d);
            return this;
        }

        public Builder timeout(Duration d) {
            this.timeout = positive("timeout", d);
            return this;
        }

        private static Duration positive(String what, Duration d) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, not " + d);
            }
            return d;
        }

        public Endpoint build() {
            return new Endpoint(this);
        }
    }
}
