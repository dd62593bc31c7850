package com.zebros.crm.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may deliver: an https address whose host resolves only to public addresses. Anything else
 * would let a tenant make our functions call into the VPC, the instance metadata service or localhost on its
 * behalf (server-side request forgery). Checked when a webhook is registered and again before each delivery,
 * on the addresses the host resolves to then; the JVM caches a resolved name for 30 s
 * (https://docs.oracle.com/en/java/javase/17/core/java-networking.html, networkaddress.cache.ttl, without a
 * security manager), so the connection that follows uses the address just checked.
 *
 * <p>{@code allowPrivate} admits http and private addresses: the setting {@code WEBHOOKS_ALLOW_PRIVATE_TARGETS}
 * that local tests set to deliver to a server on 127.0.0.1. The stacks never set it (a program test holds it).
 */
public final class WebhookTarget {
    /** The environment variable that allows http and private addresses; never set by the stacks. */
    public static final String ALLOW_PRIVATE = "WEBHOOKS_ALLOW_PRIVATE_TARGETS";

    private final boolean allowPrivate;

    public WebhookTarget(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** What is wrong with {@code url} as a webhook's address, or empty when it may be registered. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("must be an absolute https URL");
        }
        if (!allowPrivate && !uri.getScheme().equalsIgnoreCase("https")) {
            return Optional.of("must use https: deliveries carry CRM data");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password; deliveries are signed instead");
        }
        if (uri.getFragment() != null || url.length() > 2048) {
            return Optional.of("must have no fragment and at most 2,048 characters");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowPrivate) {
            return Optional.empty();
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")) {
            return Optional.of("must be a public address, not " + host);
        }
        if (host.matches("[0-9.]+") || host.startsWith("[")) {
            try {
                // A literal address: InetAddress parses it without asking DNS.
                InetAddress literal =
                        InetAddress.getByName(host.replace("[", "").replace("]", ""));
                if (!isPublic(literal)) {
                    return Optional.of("must be a public address, not " + literal.getHostAddress());
                }
            } catch (UnknownHostException e) {
                return Optional.of("must be a valid address");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a delivery may go to {@code url} now: empty when every address its host resolves to is public, else
     * why not (the delivery is then recorded as refused, not sent).
     */
    public Optional<String> refusal(String url) {
        Optional<String> problem = problem(url);
        if (problem.isPresent() || allowPrivate) {
            return problem;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(URI.create(url).getHost())) {
                if (!isPublic(address)) {
                    return Optional.of(
                            "the host resolves to " + address.getHostAddress() + ", which is not a public address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
    }

    /**
     * Whether {@code address} is on the public internet: not loopback, link-local (169.254/16, where the instance
     * metadata service answers; fe80::/10), site-local or unique-local (10/8, 172.16/12, 192.168/16, fc00::/7),
     * carrier-grade NAT (100.64/10), multicast, or the unspecified address.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128);
        }
        return (bytes[0] & 0xfe) != 0xfc;
    }
}
