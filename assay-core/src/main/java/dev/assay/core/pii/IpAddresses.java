package dev.assay.core.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * What Python's {@code ipaddress.ip_interface} accepts: an IPv4 address (four decimal octets 0-255, no leading
 * zeros) or an IPv6 address (eight groups of one to four hex digits, at most one {@code ::} standing for one or
 * more zero groups, an optional trailing IPv4 address counting as two groups, an optional {@code %zone}), each
 * with an optional {@code /prefix} (0-32 or 0-128, decimal, no leading zeros).
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** Whether {@code text} is an IP address with an optional prefix length. */
    static boolean isInterface(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        if (slash >= 0 && !prefix(text.substring(slash + 1), v6 ? 128 : 32)) {
            return false;
        }
        return v6 ? isV6(address) : isV4(address);
    }

    private static boolean prefix(String p, int max) {
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || (p.length() > 1 && p.charAt(0) == '0')) {
            return false;
        }
        return Integer.parseInt(p) <= max;
    }

    static boolean isV4(String a) {
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || (p.length() > 1 && p.charAt(0) == '0')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isV6(String a) {
        int zone = a.indexOf('%');
        if (zone >= 0) {
            if (zone == a.length() - 1) {
                return false;
            }
            a = a.substring(0, zone);
        }
        int gap = a.indexOf("::");
        if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        if (gap >= 0) {
            split(a.substring(0, gap), parts);
            split(a.substring(gap + 2), parts);
        } else {
            parts.addAll(List.of(a.split(":", -1)));
        }
        int count = 0;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p.indexOf('.') >= 0) {
                if (i != parts.size() - 1 || !isV4(p)) {
                    return false;
                }
                count += 2;
            } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            } else {
                count++;
            }
        }
        return gap >= 0 ? count <= 7 : count == 8;
    }

    private static void split(String side, List<String> into) {
        if (!side.isEmpty()) {
            into.addAll(List.of(side.split(":", -1)));
        }
    }
}
