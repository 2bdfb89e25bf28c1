package dev.jtorch.io;

import dev.jtorch.tensor.NDArray;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the header exactly as {@code safetensors::tensor::prepare} does with
 * {@code serde_json::to_vec}: a compact object, {@code __metadata__} first when present, then the
 * tensors in data order, each {@code {"dtype":..,"shape":[..],"data_offsets":[b,e]}}; padded with
 * spaces to a multiple of 8 bytes.
 */
final class HeaderWriter {
    private HeaderWriter() {}

    /** One tensor of the file: its header fields and the array whose bytes follow. */
    static final class Entry {
        final String name;
        final StDtype dtype;
        final int[] shape;
        final long begin;
        final long end;
        final NDArray array;

        Entry(String name, StDtype dtype, int[] shape, long begin, long end, NDArray array) {
            this.name = name;
            this.dtype = dtype;
            this.shape = shape;
            this.begin = begin;
            this.end = end;
            this.array = array;
        }
    }

    /**
     * The writer's order: descending dtype (the enum order of {@code safetensors::Dtype}), then
     * name in Rust's {@code String} order, which is UTF-8 byte order, i.e. code point order (not
     * Java's UTF-16 {@code compareTo}).
     */
    static final Comparator<Entry> ORDER = Comparator.<Entry, StDtype>comparing(e -> e.dtype).reversed()
            .thenComparing((a, b) -> compareCodePoints(a.name, b.name));

    /** Rust's {@code str} ordering: lexicographic by code point (equal to UTF-8 byte order). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The padded header bytes for {@code entries} (already in data order) and optional metadata. */
    static byte[] header(List<Entry> entries, Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder(64 + 96 * entries.size());
        sb.append('{');
        boolean first = true;
        if (metadata != null) {
            sb.append("\"__metadata__\":{");
            boolean firstKey = true;
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                if (!firstKey) {
                    sb.append(',');
                }
                string(sb, m.getKey());
                sb.append(':');
                string(sb, m.getValue());
                firstKey = false;
            }
            sb.append('}');
            first = false;
        }
        for (Entry e : entries) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.name);
            sb.append(":{\"dtype\":\"").append(e.dtype.name()).append("\",\"shape\":[");
            for (int i = 0; i < e.shape.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(e.shape[i]);
            }
            sb.append("],\"data_offsets\":[").append(e.begin).append(',').append(e.end).append("]}");
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8); // strings were checked well-formed
        int padded = (json.length + 7) & ~7;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /** serde_json's string escaping: quote, backslash, b t n f r by name, other C0 controls as backslash-u00xx (lowercase hex). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\t': sb.append("\\t"); break;
                case '\n': sb.append("\\n"); break;
                case '\f': sb.append("\\f"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** True when {@code s} has no unpaired surrogate, so it encodes to UTF-8 losslessly. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
