package dev.assay.core.pii;

import java.util.List;

/**
 * IP addresses: Presidio's {@code IpRecognizer} patterns (IPv4, IPv6, IPv4-mapped and -embedded IPv6 with optional
 * CIDR prefix and zone, 0.6; the unspecified {@code ::}, 0.1; context "ip", "ipv4", "ipv6"); a match that
 * Python's {@code ipaddress.ip_interface} would reject is dropped ({@link IpAddresses}).
 */
final class IpRecognizer extends PatternRecognizer {
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)";
    private static final String V4 = "(?:" + OCTET + "\\.){3}" + OCTET;
    private static final String PREFIX6 = "(?:/(?:12[0-8]|1[01]\\d|[1-9]?\\d))?";
    private static final String H = "[0-9A-Fa-f]{1,4}";

    IpRecognizer() {
        super(PiiEntity.IP_ADDRESS, List.of(
                Scored.of("IPv4_mapped", "(?<![\\w:])::(?:ffff(?::0{1,4})?:)?" + V4 + PREFIX6 + "\\b", 0.6),
                Scored.of("IPv4_embedded", "(?<![\\w:])(?:(?:" + H + ":){1,5}:(?:" + H + ":){0,4}|(?:" + H + ":){6})" + V4 + PREFIX6 + "\\b",
                        0.6),
                Scored.of("IPv4", "\\b" + OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "(?:/(?:[0-2]?\\d|3[0-2]))?\\b", 0.6),
                Scored.of("IPv6", "(?<![\\w:])(?:(?:" + H + ":){7}" + H + "|(?:" + H + ":){1,7}:|:(?::" + H + "){1,7}|(?:" + H + ":){1,6}:" + H
                        + "|(?:" + H + ":){1,5}(?::" + H + "){1,2}|(?:" + H + ":){1,4}(?::" + H + "){1,3}|(?:" + H + ":){1,3}(?::" + H + "){1,4}"
                        + "|(?:" + H + ":){1,2}(?::" + H + "){1,5}|" + H + ":(?::" + H + "){1,6}|:(?::" + H + "){1,6})(?:%[0-9a-zA-Z]+)?"
                        + PREFIX6 + "(?![\\w:]|\\.\\d)", 0.6),
                Scored.of("IPv6_unspecified", "(?<![\\w:])::" + PREFIX6 + "(?![\\w:])", 0.1)),
                List.of("ip", "ipv4", "ipv6"));
    }

    @Override
    public boolean mayHold(String text) {
        return text.indexOf('.') >= 0 || text.indexOf(':') >= 0;
    }

    @Override
    boolean invalidate(String match) {
        return !IpAddresses.isInterface(match);
    }
}
