package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The SSRF guard where it cannot be bypassed: HttpClient asks this resolver for the addresses of
 * every connection and connects only to what it returns. Each call resolves once, checks every
 * address, and returns exactly the checked addresses, so a DNS answer that changes later
 * (rebinding) is never connected to unchecked. IP literals in any spelling are parsed here, not
 * handed to the system resolver.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final NameResolver names;
    private final AddressPolicy policy;

    GuardedDnsResolver(NameResolver names, AddressPolicy policy) {
        this.names = names;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return checked(host).toArray(new InetAddress[0]);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress a : checked(host)) {
            out.add(new InetSocketAddress(a, port));
        }
        return out;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // no reverse lookups: they would be a second, unchecked DNS answer
    }

    List<InetAddress> checked(String host) throws UnknownHostException {
        Optional<InetAddress> literal;
        try {
            literal = IpLiterals.parse(host);
        } catch (IllegalArgumentException e) {
            throw new UnknownHostException(e.getMessage());
        }
        List<InetAddress> addresses = new ArrayList<>();
        if (literal.isPresent()) {
            addresses.add(literal.get());
        } else {
            String name = policy.checkName(host);
            InetAddress[] found = names.lookup(name);
            if (found == null || found.length == 0) {
                throw new UnknownHostException(host + ": no addresses");
            }
            addresses.addAll(List.of(found));
        }
        policy.check(host, addresses);
        return addresses;
    }
}
