package dev.assay.report.svg;

/** Text escaping shared by the SVG and HTML writers (the HTML report is also well-formed XML). */
public final class XmlText {
    private XmlText() {
    }

    /**
     * Escapes text for XML and HTML content and quoted attribute values; drops control characters
     * that XML 1.0 cannot hold.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
