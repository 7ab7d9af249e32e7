package io.khoj4j.adapter.connector.out.web.fetch;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses the fetcher may open. Only http(s); a host spelled as an unusual IP address (decimal
 * {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}, short {@code 127.1}) is refused outright; every
 * address a host resolves to must be a public unicast address: loopback, private, link-local, shared (CGNAT),
 * multicast, unspecified, reserved, documentation and IPv4-mapped or -compatible IPv6 addresses are refused, and so
 * are IPv6 forms that embed a refused IPv4 address (NAT64, 6to4). Cloud metadata addresses are refused even when
 * allowed. The operator's allow-list opens intranet pages: networks ({@code 10.1.0.0/16}, an address) whose
 * addresses may be opened, or host names ({@code wiki.corp}, {@code .corp} for a whole domain) that may resolve to
 * any address but a metadata one.
 */
public final class AddressPolicy {

  private static final Pattern HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

  private static final List<Network> METADATA = List.of(
      Network.parse("169.254.169.254/32", "a cloud metadata address"),
      Network.parse("169.254.170.2/32", "a cloud metadata address"),
      Network.parse("100.100.100.200/32", "a cloud metadata address"),
      Network.parse("fd00:ec2::254/128", "a cloud metadata address"));

  private static final List<Network> RESERVED = List.of(
      Network.parse("0.0.0.0/8", "an unspecified address"),
      Network.parse("10.0.0.0/8", "a private address"),
      Network.parse("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
      Network.parse("127.0.0.0/8", "a loopback address"),
      Network.parse("169.254.0.0/16", "a link-local address"),
      Network.parse("172.16.0.0/12", "a private address"),
      Network.parse("192.0.0.0/24", "a reserved address"),
      Network.parse("192.0.2.0/24", "a documentation address"),
      Network.parse("192.88.99.0/24", "a reserved address"),
      Network.parse("192.168.0.0/16", "a private address"),
      Network.parse("198.18.0.0/15", "a reserved address"),
      Network.parse("198.51.100.0/24", "a documentation address"),
      Network.parse("203.0.113.0/24", "a documentation address"),
      Network.parse("224.0.0.0/4", "a multicast address"),
      Network.parse("240.0.0.0/4", "a reserved address"),
      Network.parse("::/128", "an unspecified address"),
      Network.parse("::1/128", "a loopback address"),
      Network.parse("::ffff:0:0/96", "an IPv4-mapped IPv6 address"),
      Network.parse("::/96", "an IPv4-compatible IPv6 address"),
      Network.parse("100::/64", "a reserved address"),
      Network.parse("2001::/32", "a Teredo address"),
      Network.parse("2001:db8::/32", "a documentation address"),
      Network.parse("fc00::/7", "a private (unique local) address"),
      Network.parse("fe80::/10", "a link-local address"),
      Network.parse("fec0::/10", "a site-local address"),
      Network.parse("ff00::/8", "a multicast address"));

  /** IPv6 prefixes whose addresses carry an IPv4 address, and where it sits. */
  private static final List<Network> EMBEDDING_V4 = List.of(
      Network.parse("64:ff9b::/96", "NAT64"),
      Network.parse("64:ff9b:1::/48", "NAT64"),
      Network.parse("2002::/16", "6to4"));

  private final List<Network> allowedNetworks;
  private final List<String> allowedHosts;

  private AddressPolicy(List<Network> allowedNetworks, List<String> allowedHosts) {
    this.allowedNetworks = List.copyOf(allowedNetworks);
    this.allowedHosts = List.copyOf(allowedHosts);
  }

  /** Public addresses only. */
  public static AddressPolicy publicOnly() {
    return new AddressPolicy(List.of(), List.of());
  }

  /**
   * Public addresses and the operator's allow-list: each entry a network ({@code 10.0.0.0/8}), an address, a host
   * name or a domain written with a leading dot ({@code .corp.example}).
   *
   * @throws IllegalArgumentException for an entry that is none of these
   */
  public static AddressPolicy allowing(List<String> entries) {
    List<Network> networks = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("/") || entry.contains(":") || isCanonicalIpv4(entry)) {
        networks.add(Network.parse(
            entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"),
            "allowed"));
      } else {
        String name = entry.startsWith("*.") ? entry.substring(1) : entry;
        String bare = name.startsWith(".") ? name.substring(1) : name;
        if (!HOST.matcher(bare).matches()
            || NUMERIC_LABEL.matcher(bare.substring(bare.lastIndexOf('.') + 1)).matches()) {
          throw new IllegalArgumentException("not a network, address or host name: " + raw);
        }
        hosts.add(name);
      }
    }
    return new AddressPolicy(networks, hosts);
  }

  /** The host of a URL to open, as it will be looked up. */
  public record Target(String host, Optional<InetAddress> literal) {}

  /**
   * Checks the URL's scheme and host spelling.
   *
   * @throws RefusedAddressException when the URL may not be opened whatever its host resolves to
   */
  public Target target(URI url) throws RefusedAddressException {
    return checkedTarget(url);
  }

  private static Optional<String> authorityHost(URI url) {
    String authority = url.getRawAuthority();
    if (authority == null) {
      return Optional.empty();
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (!host.startsWith("[")) {
      host = host.replaceFirst(":[0-9]*$", "");
    }
    return host.isEmpty() || host.contains("%") ? Optional.empty() : Optional.of(host);
  }

  private Target checkedTarget(URI url) throws RefusedAddressException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedAddressException(
          "only http and https addresses can be fetched, not " + shown(url));
    }
    String raw = url.getHost();
    if (raw == null || raw.isEmpty()) {
      // java.net.URI keeps no host for spellings such as 127.1, 0x7f.1 or non-ASCII names: say what
      // they mean
      Optional<String> spelled = authorityHost(url);
      if (spelled.isPresent()) {
        String ascii = null;
        try {
          ascii = IDN.toASCII(spelled.get(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
          // not a name at all: refused below
        }
        if (ascii != null) {
          String host = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
          Optional<InetAddress> literal = ipv4Literal(host, spelled.get());
          if (literal.isPresent()) {
            check(host, literal.get());
          }
        }
      }
      throw new RefusedAddressException("no host name that can be checked in " + shown(url));
    }
    if (raw.startsWith("[")) {
      return new Target(raw, Optional.of(ipv6Literal(raw)));
    }
    String host;
    try {
      host = IDN.toASCII(raw, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new RefusedAddressException("not a valid host name: " + raw);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!HOST.matcher(host).matches()) {
      throw new RefusedAddressException("not a valid host name: " + raw);
    }
    Optional<InetAddress> literal = ipv4Literal(host, raw);
    return new Target(host, literal);
  }

  /**
   * Checks one address that {@code host} resolved to (or that it spells).
   *
   * @throws RefusedAddressException when it may not be opened
   */
  public void check(String host, InetAddress address) throws RefusedAddressException {
    Optional<String> metadata = classify(address, METADATA);
    if (metadata.isPresent()) {
      throw refused(host, address, metadata.get());
    }
    Optional<String> reserved = reserved(address);
    if (reserved.isEmpty()) {
      return;
    }
    if (allowsHost(host) || allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
      return;
    }
    throw refused(host, address, reserved.get());
  }

  /** Whether the operator allowed this host name to reach any non-metadata address. */
  public boolean allowsHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return allowedHosts.stream()
        .anyMatch(a -> a.startsWith(".") ? h.endsWith(a) || h.equals(a.substring(1)) : h.equals(a));
  }

  /** Whether a URL's host is on the allow-list (by name or by a literal address in an allowed network). */
  public boolean allowListed(URI url) {
    try {
      Target target = target(url);
      return allowsHost(target.host())
          || target
              .literal()
              .map(a -> allowedNetworks.stream().anyMatch(n -> n.contains(a)))
              .orElse(false);
    } catch (RefusedAddressException e) {
      return false;
    }
  }

  /** Why an address is not a public unicast one; empty when it is. */
  static Optional<String> reserved(InetAddress address) {
    Optional<String> metadata = classify(address, METADATA);
    if (metadata.isPresent()) {
      return metadata;
    }
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      for (Network embedding : EMBEDDING_V4) {
        if (embedding.contains(address)) {
          int at = embedding.label().equals("6to4") ? 2 : 12;
          InetAddress v4 = v4(b[at], b[at + 1], b[at + 2], b[at + 3]);
          Optional<String> inner = reserved(v4);
          if (inner.isPresent()) {
            return Optional.of("a " + embedding.label() + " address for " + inner.get());
          }
        }
      }
    }
    return classify(address, RESERVED);
  }

  private static Optional<String> classify(InetAddress address, List<Network> networks) {
    return networks.stream()
        .filter(n -> n.contains(address))
        .map(Network::label)
        .findFirst();
  }

  private static RefusedAddressException refused(String host, InetAddress address, String why) {
    String ip = address.getHostAddress();
    return new RefusedAddressException(
        (host.equals(ip) ? ip : host + " (" + ip + ")") + " is " + why + " and may not be fetched");
  }

  private static InetAddress ipv6Literal(String bracketed) throws RefusedAddressException {
    String inner = bracketed.substring(1, bracketed.length() - 1);
    if (inner.isEmpty() || inner.contains("%") || !inner.matches("[0-9a-fA-F:.]+")) {
      throw new RefusedAddressException("not a valid IPv6 address: " + bracketed);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(inner);
    } catch (UnknownHostException e) {
      throw new RefusedAddressException("not a valid IPv6 address: " + bracketed);
    }
    if (address instanceof Inet4Address) {
      // Java reads ::ffff:a.b.c.d as the IPv4 address it maps: refuse the disguise whatever it maps
      // to
      throw new RefusedAddressException(
          bracketed + " is an IPv4-mapped IPv6 address and may not be fetched");
    }
    return address;
  }

  /**
   * The IPv4 address a host spells, when it spells one. Only the canonical dotted form ({@code 93.184.216.34}) is
   * accepted: a host that a C resolver would read as an address in another spelling is refused, as is a host whose
   * last label is a number but that is not a valid address.
   */
  private static Optional<InetAddress> ipv4Literal(String host, String raw)
      throws RefusedAddressException {
    String[] labels = host.split("\\.", -1);
    if (!NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
      return Optional.empty();
    }
    if (isCanonicalIpv4(host)) {
      String[] p = host.split("\\.");
      return Optional.of(v4(
          (byte) Integer.parseInt(p[0]),
          (byte) Integer.parseInt(p[1]),
          (byte) Integer.parseInt(p[2]),
          (byte) Integer.parseInt(p[3])));
    }
    long value = looseIpv4(labels);
    if (value < 0) {
      throw new RefusedAddressException("not a valid IP address or host name: " + raw);
    }
    InetAddress meant =
        v4((byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value);
    throw new RefusedAddressException(raw + " is an unusual spelling of the IP address "
        + meant.getHostAddress() + " and may not be fetched");
  }

  /** The address a C resolver's {@code inet_aton} reads from these labels, or -1 when it reads none. */
  private static long looseIpv4(String[] labels) {
    if (labels.length > 4) {
      return -1;
    }
    long[] parts = new long[labels.length];
    for (int i = 0; i < labels.length; i++) {
      parts[i] = number(labels[i]);
      if (parts[i] < 0) {
        return -1;
      }
    }
    long value = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i] > 255) {
        return -1;
      }
      value |= parts[i] << (24 - 8 * i);
    }
    long last = parts[parts.length - 1];
    if (last >= 1L << (8 * (5 - parts.length))) {
      return -1;
    }
    return value | last;
  }

  private static long number(String label) {
    try {
      if (label.startsWith("0x")) {
        String digits = label.substring(2);
        return digits.isEmpty() ? 0 : digits.length() > 8 ? -1 : Long.parseLong(digits, 16);
      }
      if (label.isEmpty() || label.length() > 12 || !label.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      if (label.length() > 1 && label.startsWith("0")) {
        return label.chars().allMatch(c -> c <= '7') ? Long.parseLong(label, 8) : -1;
      }
      return Long.parseLong(label);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isCanonicalIpv4(String host) {
    String[] p = host.split("\\.", -1);
    if (p.length != 4) {
      return false;
    }
    for (String part : p) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(Character::isDigit)
          || (part.length() > 1 && part.startsWith("0"))
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte a, byte b, byte c, byte d) {
    try {
      return Inet4Address.getByAddress(new byte[] {a, b, c, d});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A network and what its addresses are called. */
  record Network(byte[] prefix, int bits, String label) {

    static Network parse(String cidr, String label) {
      int slash = cidr.indexOf('/');
      String ip = cidr.substring(0, slash);
      if (!ip.matches("[0-9a-fA-F:.]+") || (!ip.contains(":") && !isCanonicalIpv4(ip))) {
        throw new IllegalArgumentException("not a network: " + cidr);
      }
      int bits;
      try {
        bits = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a network: " + cidr);
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(ip).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not a network: " + cidr);
      }
      if (ip.contains(":") && bytes.length == 4) {
        // Java reads ::ffff:a.b.c.d as IPv4; keep the network in IPv6 form
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        bytes = mapped;
      }
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("not a network: " + cidr);
      }
      return new Network(bytes, bits, label);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (prefix[full] & mask);
    }
  }

  private static String shown(URI url) {
    String s = url.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
