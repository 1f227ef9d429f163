package dev.muara.connector.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads split positions: the values of the ordering key after the last row read, as a JSON array of
 * strings ({@code ["2024-01-31 10:00:00","1042"]}), so a split resumes with {@code WHERE (k1, k2) > (?, ?)}.
 */
final class PositionCodec {

    private PositionCodec() {
    }

    static String encode(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                out.append("null");
                continue;
            }
            out.append('"');
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }

    static List<String> decode(String text) {
        List<String> values = new ArrayList<>();
        int i = text.indexOf('[') + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ']') {
                break;
            }
            if (c == ',' || c == ' ') {
                i++;
            } else if (text.startsWith("null", i)) {
                values.add(null);
                i += 4;
            } else if (c == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (text.charAt(i) != '"') {
                    char ch = text.charAt(i);
                    if (ch == '\\') {
                        char e = text.charAt(++i);
                        switch (e) {
                            case 'n' -> v.append('\n');
                            case 'r' -> v.append('\r');
                            case 't' -> v.append('\t');
                            case 'u' -> {
                                v.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                                i += 4;
                            }
                            default -> v.append(e);
                        }
                    } else {
                        v.append(ch);
                    }
                    i++;
                }
                values.add(v.toString());
                i++;
            } else {
                throw new IllegalArgumentException("not a position: " + text);
            }
        }
        return values;
    }
}
