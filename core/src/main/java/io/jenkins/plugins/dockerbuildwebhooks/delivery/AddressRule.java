package io.jenkins.plugins.dockerbuildwebhooks.delivery;

/** Why an address is special; each rule is either always blocked or blockable. */
public enum AddressRule {
    PUBLIC("public", false, false),
    LOOPBACK("loopback", true, false),
    PRIVATE("private (RFC 1918)", true, false),
    CGNAT("carrier-grade NAT (100.64.0.0/10)", true, false),
    UNIQUE_LOCAL("IPv6 unique local (fc00::/7)", true, false),
    LINK_LOCAL("link-local", false, true),
    METADATA("cloud metadata", false, true),
    UNSPECIFIED("unspecified", false, true),
    MULTICAST("multicast", false, true),
    RESERVED("reserved or broadcast", false, true);

    private final String description;
    private final boolean blockable;
    private final boolean alwaysBlocked;

    AddressRule(String description, boolean blockable, boolean alwaysBlocked) {
        this.description = description;
        this.blockable = blockable;
        this.alwaysBlocked = alwaysBlocked;
    }

    public String description() {
        return description;
    }

    /** Blocked when private targets are blocked, unless allow-listed. */
    public boolean blockable() {
        return blockable;
    }

    /** Blocked whatever the configuration or allow list says. */
    public boolean alwaysBlocked() {
        return alwaysBlocked;
    }
}
