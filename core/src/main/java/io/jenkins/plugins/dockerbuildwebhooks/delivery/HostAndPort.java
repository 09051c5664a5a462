package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The host and port of a receiver URL, also when {@link URI} did not find a host in it: it takes
 * {@code 0xa9.0xfe.0xa9.0xfe} or {@code 127.1} for a registry name, while curl and browsers
 * connect to the IPv4 address they spell. Reading them here keeps such a URL from being refused as
 * "no host" and lets the address policy judge the address it means.
 *
 * @param host the host ({@code [..]} for IPv6 as {@link URI} gives it), dotted decimal for a numeric IPv4 spelling
 * @param port the port, -1 for the scheme's default
 * @param problem what is wrong, or null
 */
record HostAndPort(String host, int port, String problem) {

    static HostAndPort of(URI uri) {
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            return new HostAndPort(uri.getHost(), uri.getPort(), null);
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return failed("has no host name");
        }
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String portText = colon < 0 ? "" : authority.substring(colon + 1);
        if (host.isEmpty()) {
            return failed("has no host name");
        }
        int port = -1;
        if (!portText.isEmpty()) {
            if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 9) {
                return failed("has a port that is not a number from 1 to 65535");
            }
            port = Integer.parseInt(portText);
        }
        Optional<InetAddress> address;
        try {
            address = IpLiterals.parse(host);
        } catch (IllegalArgumentException e) {
            return failed("has no usable host: " + e.getMessage());
        }
        if (address.isEmpty() || !(address.get() instanceof Inet4Address)) {
            return failed("has a host name that is not valid (" + host + ")");
        }
        return new HostAndPort(address.get().getHostAddress(), port, null);
    }

    private static HostAndPort failed(String problem) {
        return new HostAndPort(null, -1, problem);
    }

    /** {@code uri} with this host and port in place of the authority it was read from. */
    URI rewrite(URI uri) {
        String text = uri.toString();
        int start = text.indexOf("://") + 3;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return URI.create(text.substring(0, start) + host + (port < 0 ? "" : ":" + port) + text.substring(end));
    }
}
