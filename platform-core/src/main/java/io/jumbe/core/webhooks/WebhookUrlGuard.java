package io.jumbe.core.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * The SSRF guard for tenant webhook URLs: only http and https, no credentials in the URL, https when the platform
 * itself is served over https, and never a host that is or resolves to a non-public address ({@link AddressRules}).
 *
 * <p>Check a URL with {@link #check(String)} when the tenant configures it, and connect through {@link #dns()} so
 * the check is repeated on the very addresses OkHttp then connects to. Immutable and thread-safe.
 */
public final class WebhookUrlGuard {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private final HostResolver resolver;
    private final boolean allowPrivateNetworks;
    private final boolean requireHttps;

    /**
     * @param resolver             how host names are resolved ({@link HostResolver#system()} in production)
     * @param allowPrivateNetworks {@code WEBHOOKS_ALLOW_PRIVATE_NETWORKS}: true lifts the address checks (local
     *                             development and tests); scheme, credential and https checks still apply
     * @param requireHttps         true to refuse plain http URLs; see {@link #httpsRequiredBy(String)}
     */
    public WebhookUrlGuard(HostResolver resolver, boolean allowPrivateNetworks, boolean requireHttps) {
        this.resolver = resolver;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.requireHttps = requireHttps;
    }

    /**
     * Whether webhook URLs must be https, given {@code PUBLIC_BASE_URL}.
     *
     * @param publicBaseUrl the platform's public base URL, may be null
     * @return true if it is an https URL
     */
    public static boolean httpsRequiredBy(String publicBaseUrl) {
        return publicBaseUrl != null && publicBaseUrl.trim().toLowerCase(Locale.ROOT).startsWith("https:");
    }

    /** @return true if the address checks are lifted ({@code WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true}) */
    public boolean allowsPrivateNetworks() {
        return allowPrivateNetworks;
    }

    /** @return true if plain http URLs are refused */
    public boolean requiresHttps() {
        return requireHttps;
    }

    /**
     * Full check at configuration time: the URL's form, then every address its host resolves to.
     * A host that does not resolve is refused too, since nothing could ever be delivered to it.
     *
     * @param url the URL as the tenant gave it
     * @return the verdict; never throws for bad input
     */
    public UrlVerdict check(String url) {
        return check(url, true);
    }

    /**
     * The check made before each delivery attempt: the URL's form and IP-literal hosts, which OkHttp connects to
     * without asking {@link #dns()}. Host names are left to {@link #dns()}, which resolves and checks them at
     * connect time.
     *
     * @param url the stored webhook URL
     * @return the verdict; {@code addresses} holds the literal address, or is empty for a host name
     */
    public UrlVerdict checkWithoutResolving(String url) {
        return check(url, false);
    }

    /**
     * An OkHttp {@link Dns} that applies this guard at connect time: it returns only vetted addresses or throws
     * {@link BlockedAddressException}. With private networks allowed it just resolves.
     *
     * @return the connect-time resolver
     */
    public Dns dns() {
        return new GuardedDns(this);
    }

    private UrlVerdict check(String url, boolean resolve) {
        if (url == null || url.isBlank()) {
            return UrlVerdict.refuse("webhook_url is empty");
        }
        Matcher scheme = SCHEME.matcher(url.trim());
        if (!scheme.find()) {
            return UrlVerdict.refuse("webhook_url must be an absolute http or https URL");
        }
        String schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!schemeName.equals("http") && !schemeName.equals("https")) {
            return UrlVerdict.refuse("webhook_url must use http or https, not '" + schemeName + "'");
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            return UrlVerdict.refuse("webhook_url is not a valid URL");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            return UrlVerdict.refuse("webhook_url must not contain a user name or password");
        }
        if (requireHttps && !parsed.isHttps()) {
            return UrlVerdict.refuse("webhook_url must use https because this platform is served over https");
        }
        try {
            return UrlVerdict.allow(vet(parsed.host(), resolve));
        } catch (BlockedAddressException blocked) {
            return UrlVerdict.refuse(blocked.getMessage());
        } catch (UnknownHostException unresolved) {
            return UrlVerdict.refuse("webhook URL host '" + parsed.host() + "' does not resolve");
        }
    }

    /** The connect-time path, used by {@link GuardedDns}. */
    List<InetAddress> resolveChecked(String host) throws UnknownHostException {
        return vet(host, true);
    }

    private List<InetAddress> vet(String host, boolean resolve) throws UnknownHostException {
        if (host.contains(":")) {
            // HttpUrl has already validated the IPv6 literal, so this parses it without a lookup.
            return List.of(allowedOrThrow(host, InetAddress.getByName(host)));
        }
        if (Ipv4Spelling.looksNumeric(host)) {
            return List.of(vetIpv4Literal(host));
        }
        if (allowPrivateNetworks) {
            return resolve ? resolver.resolve(host) : List.of();
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        name = name.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            throw new BlockedAddressException("webhook URL host '" + host + "' is a loopback name");
        }
        if (!resolve) {
            return List.of();
        }
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> why = AddressRules.whyBlocked(address);
            if (why.isPresent()) {
                throw new BlockedAddressException("webhook URL host '" + host + "' resolves to "
                        + AddressRules.text(address) + ", " + why.get());
            }
        }
        return List.copyOf(addresses);
    }

    private InetAddress vetIpv4Literal(String host) throws UnknownHostException {
        OptionalInt parsed = Ipv4Spelling.parse(host);
        if (parsed.isEmpty()) {
            throw new BlockedAddressException("webhook URL host '" + host + "' is not a valid IPv4 address");
        }
        InetAddress address = AddressRules.v4Address(parsed.getAsInt());
        if (Ipv4Spelling.isCanonical(host)) {
            return allowedOrThrow(host, address);
        }
        if (allowPrivateNetworks) {
            return address;
        }
        // Parsers disagree on these spellings (Java reads 0177.0.0.1 as 177.0.0.1, the C library as 127.0.0.1),
        // so none is allowed; the detail names what the C library would have reached.
        String meaning = AddressRules.whyBlocked(address).map(why -> ", " + why).orElse("");
        throw new BlockedAddressException("webhook URL host '" + host + "' is an IPv4 address in a non-standard form ("
                + AddressRules.text(address) + meaning + "); write it as four decimal numbers, a.b.c.d");
    }

    private InetAddress allowedOrThrow(String host, InetAddress address) throws BlockedAddressException {
        if (allowPrivateNetworks) {
            return address;
        }
        Optional<String> why = AddressRules.whyBlocked(address);
        if (why.isPresent()) {
            String text = AddressRules.text(address);
            String shown = text.equals(host) ? text : host + " (" + text + ")";
            throw new BlockedAddressException("webhook URL host " + shown + " is " + why.get());
        }
        return address;
    }
}
