package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks host names up; the system resolver in production, a scripted one in rebinding tests. */
@FunctionalInterface
public interface NameResolver {
    /** The system resolver ({@link InetAddress#getAllByName}). */
    NameResolver SYSTEM = InetAddress::getAllByName;

    /** Every address of {@code host}; throws when there is none. */
    InetAddress[] lookup(String host) throws UnknownHostException;
}
