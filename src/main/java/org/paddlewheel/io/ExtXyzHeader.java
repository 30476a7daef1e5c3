package org.paddlewheel.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comment (second) line of an extended XYZ frame, as ASE's and QUIP's extxyz define it:
 * whitespace-separated {@code key=value} pairs whose values may be quoted with "..." (backslash
 * escapes) or {...}; a bare key means {@code key=T}. Also parses the {@code Properties} value,
 * {@code name:type:columns} triples with type S (string), R (real), I (integer) or L (logical).
 * Package-private.
 */
final class ExtXyzHeader {
    private ExtXyzHeader() {}

    /** One per-atom property: its name, type letter, column count and first column. */
    record Column(String name, char type, int width, int start) {}

    /** Parses key=value pairs; keys keep their spelling, later duplicates win. */
    static Map<String, String> parse(String line, LineSource src) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            if (i >= n) break;
            int ks = i;
            while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') i++;
            String key = line.substring(ks, i);
            int j = i;
            while (j < n && Character.isWhitespace(line.charAt(j))) j++;
            if (j >= n || line.charAt(j) != '=') {
                if (key.isEmpty()) throw src.error("expected key=value on the comment line, got '" + line.substring(ks).trim() + "'");
                kv.put(key, "T");
                continue;
            }
            if (key.isEmpty()) throw src.error("expected a key before '=' on the comment line");
            i = j + 1;
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            StringBuilder v = new StringBuilder();
            if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '{')) {
                char close = line.charAt(i) == '"' ? '"' : '}';
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '\\' && i < n) {
                        v.append(line.charAt(i++));
                    } else if (c == close) {
                        closed = true;
                        break;
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) throw src.error("expected a closing " + close + " for the value of " + key);
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) v.append(line.charAt(i++));
            }
            kv.put(key, v.toString());
        }
        return kv;
    }

    /** The value of {@code key}, matching case-insensitively (ASE writes "Lattice", GPUMD "lattice"). */
    static String get(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v != null) return v;
        for (Map.Entry<String, String> e : kv.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    /** Parses a Properties value such as {@code species:S:1:pos:R:3:forces:R:3}. */
    static List<Column> properties(String value, LineSource src) {
        String[] p = value.split(":", -1);
        if (p.length % 3 != 0 || p.length == 0) {
            throw src.error("expected Properties as name:type:columns triples, got '" + value + "'");
        }
        List<Column> cols = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < p.length; i += 3) {
            String type = p[i + 1].toUpperCase(Locale.ROOT);
            if (p[i].isEmpty() || type.length() != 1 || "SRIL".indexOf(type.charAt(0)) < 0) {
                throw src.error("expected a property type S, R, I or L for '" + p[i] + "', got '" + p[i + 1] + "'");
            }
            int w;
            try {
                w = Integer.parseInt(p[i + 2]);
            } catch (NumberFormatException e) {
                w = 0;
            }
            if (w < 1) throw src.error("expected a positive column count for property '" + p[i] + "', got '" + p[i + 2] + "'");
            cols.add(new Column(p[i], type.charAt(0), w, start));
            start += w;
        }
        return cols;
    }

    /** The first column with one of these names (case-sensitive, as in ASE), or null. */
    static Column find(List<Column> cols, String... names) {
        for (String name : names) for (Column c : cols) if (c.name().equals(name)) return c;
        return null;
    }

    /** Parses a logical token the way ASE does: T, True, true, 1 / F, False, false, 0. */
    static Boolean logical(String t) {
        return switch (t) {
            case "T", "True", "true", "TRUE", "1" -> Boolean.TRUE;
            case "F", "False", "false", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
