package dev.jtorch.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a safetensors header, following {@code SafeTensors::read_metadata} and
 * {@code Metadata::validate} of the reference implementation, plus the checks the README
 * promises (no duplicate keys) and a few the serde types imply (exact field types).
 *
 * <p>Gson's {@link JsonReader} in strict mode does the tokenizing; keys are collected per object
 * so a duplicate key is an error rather than silently overwritten.
 */
final class HeaderParser {
    private static final Pattern NON_NEGATIVE_INT = Pattern.compile("0|[1-9][0-9]*");

    private final String file;

    private HeaderParser(String file) {
        this.file = file;
    }

    /**
     * Parses the {@code headerBytes} of {@code file} (whose total size is {@code fileSize}) and
     * checks every offset and size against the file.
     */
    static Header parse(String file, byte[] headerBytes, long fileSize) {
        HeaderParser p = new HeaderParser(file);
        String text = p.decodeUtf8(headerBytes);
        Map<String, String> metadata = null;
        List<TensorInfo> tensors = new ArrayList<>();
        try {
            JsonReader r = new JsonReader(new StringReader(text));
            r.setStrictness(Strictness.STRICT);
            p.requireObjectStart(text);
            p.rejectRawControlCharacters(text);
            r.beginObject();
            Set<String> keys = new HashSet<>();
            while (r.hasNext()) {
                String key = p.checked(r.nextName());
                if (!keys.add(key)) {
                    throw p.error("the header has the key '" + key + "' more than once");
                }
                if (key.equals("__metadata__")) {
                    metadata = p.readMetadata(r);
                } else {
                    tensors.add(p.readTensor(r, key));
                }
            }
            r.endObject();
            p.requireEnd(r);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new SafetensorsException(file + ": the header is not valid JSON: " + gsonMessage(e), e);
        }
        long dataLength = p.checkOffsets(tensors);
        long expected = 8 + headerBytes.length + dataLength;
        if (expected != fileSize) {
            throw p.error("the header describes " + dataLength + " bytes of tensor data, so the file should be "
                    + expected + " bytes (8 + " + headerBytes.length + " + " + dataLength + "), but it is "
                    + fileSize + " bytes (" + (fileSize < expected ? "truncated" : "trailing bytes") + ")");
        }
        return new Header(tensors, metadata, 8L + headerBytes.length);
    }

    private String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error("the header is not valid UTF-8");
        }
    }

    /** serde_json accepts leading JSON whitespace, then the value must be an object. */
    private void requireObjectStart(String text) {
        int i = 0;
        while (i < text.length() && isJsonWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == text.length() || text.charAt(i) != '{') {
            String start = i == text.length() ? "nothing" : "'" + text.substring(i, Math.min(text.length(), i + 16)) + "'";
            throw error("the header is not a JSON object (it starts with " + start + ")");
        }
    }

    /**
     * serde_json rejects control characters (U+0000..U+001F) written raw inside strings; Gson's
     * strict mode lets them through, so they are looked for here.
     */
    private void rejectRawControlCharacters(String text) {
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inString) {
                inString = c == '"';
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                inString = false;
            } else if (c < 0x20) {
                throw error(String.format("the header has an unescaped control character U+%04X inside a string"
                        + " (at character %d), which JSON forbids", (int) c, i));
            }
        }
    }

    /** Only whitespace may follow the object (serde_json's {@code from_str} checks the same). */
    private void requireEnd(JsonReader r) {
        try {
            if (r.peek() == JsonToken.END_DOCUMENT) {
                return;
            }
        } catch (IOException e) {
            // falls through: whatever follows is not whitespace
        }
        throw error("the header has data after its JSON object");
    }

    /** serde_json rejects escaped lone surrogates (backslash-ud800 alone); Gson decodes them, so they are caught here. */
    private String checked(String s) {
        if (!HeaderWriter.isWellFormed(s)) {
            throw error("the header has a string with an unpaired surrogate escape, which is not valid Unicode: '" + s + "'");
        }
        return s;
    }

    /** Gson's message without its advice to switch to lenient parsing and its troubleshooting link. */
    private static String gsonMessage(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private Map<String, String> readMetadata(JsonReader r) throws IOException {
        if (r.peek() == JsonToken.NULL) { // serde reads Option<HashMap> from null as None
            r.nextNull();
            return null;
        }
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw error("__metadata__ must be an object of strings, got " + describe(r.peek()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
            String key = checked(r.nextName());
            if (out.containsKey(key)) {
                throw error("__metadata__ has the key '" + key + "' more than once");
            }
            JsonToken t = r.peek();
            if (t != JsonToken.STRING) {
                throw error("__metadata__ value of '" + key + "' must be a string, got " + describe(t));
            }
            out.put(key, checked(r.nextString()));
        }
        r.endObject();
        return out;
    }

    private TensorInfo readTensor(JsonReader r, String name) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw error("tensor '" + name + "' must be an object with dtype, shape and data_offsets, got "
                    + describe(r.peek()));
        }
        StDtype dtype = null;
        long[] shape = null;
        long[] offsets = null;
        Set<String> fields = new HashSet<>();
        r.beginObject();
        while (r.hasNext()) {
            String field = checked(r.nextName());
            if (!fields.add(field)) {
                throw error("tensor '" + name + "' has the field '" + field + "' more than once");
            }
            switch (field) {
                case "dtype":
                    dtype = readDtype(r, name);
                    break;
                case "shape":
                    shape = readInts(r, name, "shape");
                    break;
                case "data_offsets":
                    offsets = readInts(r, name, "data_offsets");
                    if (offsets.length != 2) {
                        throw error("tensor '" + name + "' has data_offsets " + Arrays.toString(offsets)
                                + ", expected [begin, end]");
                    }
                    break;
                default:
                    r.skipValue(); // serde ignores unknown fields of TensorInfo
            }
        }
        r.endObject();
        for (String f : new String[] {"dtype", "shape", "data_offsets"}) {
            if (!fields.contains(f)) {
                throw error("tensor '" + name + "' has no " + f);
            }
        }
        if (offsets[1] < offsets[0]) {
            throw error("tensor '" + name + "' has data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "]: end is before begin");
        }
        return new TensorInfo(name, dtype, shape, offsets[0], offsets[1]);
    }

    private StDtype readDtype(JsonReader r, String name) throws IOException {
        if (r.peek() != JsonToken.STRING) {
            throw error("tensor '" + name + "' has a dtype that is not a string: " + describe(r.peek()));
        }
        String s = checked(r.nextString());
        StDtype d = StDtype.parse(s);
        if (d == null) {
            throw error("tensor '" + name + "' has unknown dtype '" + s + "' (known: " + Arrays.toString(StDtype.values()) + ")");
        }
        return d;
    }

    private long[] readInts(JsonReader r, String name, String field) throws IOException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw error("tensor '" + name + "' has " + field + " that is not a list of non-negative integers: "
                    + describe(r.peek()));
        }
        long[] values = new long[4];
        int n = 0;
        r.beginArray();
        while (r.hasNext()) {
            JsonToken t = r.peek();
            String literal = t == JsonToken.NUMBER ? r.nextString() : null;
            if (literal == null || !NON_NEGATIVE_INT.matcher(literal).matches()) {
                throw error("tensor '" + name + "' has " + field + " that is not a list of non-negative integers: it holds "
                        + (literal != null ? literal : describe(t)));
            }
            if (literal.length() > 19 || (literal.length() == 19 && literal.compareTo("9223372036854775807") > 0)) {
                throw error("tensor '" + name + "' has " + field + " holding " + literal + ", more than 2^63-1");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = Long.parseLong(literal);
        }
        r.endArray();
        return Arrays.copyOf(values, n);
    }

    /**
     * {@code Metadata::validate}: sorted by offsets, each tensor starts where the previous one
     * ended (the first at 0) and spans exactly numel * dtype size bytes, with overflow checked.
     * Returns the end of the last tensor.
     */
    private long checkOffsets(List<TensorInfo> tensors) {
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long expectedBegin = 0;
        TensorInfo previous = null;
        for (TensorInfo t : tensors) {
            String offsets = "data_offsets [" + t.begin() + ", " + t.end() + "]";
            if (t.begin() != expectedBegin) {
                if (previous == null) {
                    throw error("tensor '" + t.name() + "' has " + offsets
                            + " but the first tensor's data must start at 0");
                }
                long d = t.begin() - expectedBegin;
                throw error("tensor '" + t.name() + "' has " + offsets + " but the previous tensor '" + previous.name()
                        + "' ends at " + expectedBegin + (d > 0 ? " (a gap of " + d + " bytes)" : " (they overlap by " + (-d) + " bytes)"));
            }
            long bytes = byteSize(t);
            long have = t.end() - t.begin();
            if (have != bytes) {
                throw error("tensor '" + t.name() + "' has " + offsets + " (" + have + " bytes) but dtype "
                        + t.dtype() + " and shape " + Arrays.toString(t.shapeRef()) + " need " + bytes + " bytes");
            }
            expectedBegin = t.end();
            previous = t;
        }
        return expectedBegin;
    }

    private long byteSize(TensorInfo t) {
        String what = "tensor '" + t.name() + "' with dtype " + t.dtype() + " and shape " + Arrays.toString(t.shapeRef());
        try {
            long n = 1;
            for (long d : t.shapeRef()) {
                n = Math.multiplyExact(n, d);
            }
            long bits = Math.multiplyExact(n, (long) t.stDtype().bits);
            if (bits % 8 != 0) {
                throw error(what + " does not end on a byte boundary (" + bits + " bits)");
            }
            return bits / 8;
        } catch (ArithmeticException e) {
            throw error(what + " is too large: its size overflows 64 bits");
        }
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case BEGIN_ARRAY: return "a list";
            case BEGIN_OBJECT: return "an object";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return t.toString();
        }
    }

    private SafetensorsException error(String message) {
        return new SafetensorsException(file + ": " + message);
    }
}
