package dev.jtorch.io;

import static dev.jtorch.io.StBytes.concat;
import static dev.jtorch.io.StBytes.f32;
import static dev.jtorch.io.StBytes.le64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed file is rejected by open, load and metadata alike, with a message naming the numbers. */
class SafetensorsCorruptFileTest {
    @TempDir
    Path dir;

    private static final String F32_1 = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";

    /** Writes {@code bytes} and asserts all three entry points fail with exactly {@code file: message}. */
    private void rejects(byte[] bytes, String message) {
        Path p = StBytes.write(dir, "bad.safetensors", bytes);
        String expected = p + ": " + message;
        assertEquals(expected, assertThrows(SafetensorsException.class, () -> Safetensors.load(p)).getMessage());
        assertEquals(expected, assertThrows(SafetensorsException.class, () -> Safetensors.open(p)).getMessage());
        assertEquals(expected, assertThrows(SafetensorsException.class, () -> Safetensors.metadata(p)).getMessage());
    }

    private void rejects(String json, byte[] data, String message) {
        rejects(StBytes.file(json, data), message);
    }

    @Test
    void fileShorterThanTheLengthPrefix() {
        rejects(new byte[0], "the file is 0 bytes, shorter than the 8-byte header length that starts every safetensors file");
        rejects(new byte[] {2, 0, 0, 0, 0}, "the file is 5 bytes, shorter than the 8-byte header length that starts every safetensors file");
    }

    @Test
    void headerLengthAboveTheLimit() {
        rejects(concat(le64(100_000_001L), "{}".getBytes()),
                "the header length is 100000001 bytes, more than the 100000000 bytes safetensors allows");
        rejects(concat(le64(-1L), "{}".getBytes()),
                "the header length is 18446744073709551615 bytes, more than the 100000000 bytes safetensors allows");
    }

    @Test
    void hostileHeaderLengthIsRejectedWithoutAllocatingIt() {
        byte[] huge = concat(le64(1L << 62), "{}".getBytes());
        byte[] justUnderLimit = concat(le64(99_999_999L), "{}".getBytes());
        long before = allocatedBytes();
        rejects(huge, "the header length is 4611686018427387904 bytes, more than the 100000000 bytes safetensors allows");
        rejects(justUnderLimit, "the header length is 99999999 bytes, but only 2 bytes follow it (the file is 10 bytes)");
        long after = allocatedBytes();
        if (before >= 0 && after >= 0) {
            assertTrue(after - before < 20_000_000, "allocated " + (after - before) + " bytes");
        }
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
        if (b instanceof com.sun.management.ThreadMXBean) {
            return ((com.sun.management.ThreadMXBean) b).getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    @Test
    void headerLongerThanTheFile() {
        rejects(concat(le64(50), "{}".getBytes()), "the header length is 50 bytes, but only 2 bytes follow it (the file is 10 bytes)");
    }

    @Test
    void headerNotUtf8() {
        rejects(StBytes.file(new byte[] {'{', (byte) 0xFF, '}'}, new byte[0]), "the header is not valid UTF-8");
        // a UTF-16 surrogate encoded as UTF-8 (CESU-8) is not UTF-8 either
        rejects(StBytes.file(new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}, new byte[0]),
                "the header is not valid UTF-8");
    }

    @Test
    void headerNotJson() {
        rejects("{\"a\":" + F32_1 + ",}", f32(1), "the header is not valid JSON: Expected name at line 1 column 56 path $.a");
        rejects("{\"a\" " + F32_1 + "}", f32(1), "the header is not valid JSON: Expected ':' at line 1 column 7 path $.a");
        rejects("{'a':" + F32_1 + "}", f32(1), "the header is not valid JSON: malformed JSON at line 1 column 3 path $.");
        rejects("{\"a\":{\"dtype\":\"F32\",\"shape\":[01],\"data_offsets\":[0,4]}}", f32(1),
                "the header is not valid JSON: malformed JSON at line 1 column 30 path $.a.shape[0]");
        rejects("{\"a\":" + F32_1, f32(1), "the header is not valid JSON: End of input at line 1 column 54 path $.a");
        rejects("{\"a\":" + F32_1 + "} {}", f32(1), "the header has data after its JSON object");
        rejects("{\"a\":" + F32_1 + "}\u0000", f32(1), "the header has data after its JSON object");
        rejects("{\"a\n\":" + F32_1 + "}", f32(1),
                "the header has an unescaped control character U+000A inside a string (at character 3), which JSON forbids");
        rejects("{\"\\ud800\":" + F32_1 + "}", f32(1),
                "the header has a string with an unpaired surrogate escape, which is not valid Unicode: '\ud800'");
        StringBuilder deep = new StringBuilder("{\"a\":{\"x\":");
        deep.append("[".repeat(300)).append("]".repeat(300)).append(",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
        Path p = StBytes.write(dir, "deep.safetensors", StBytes.file(deep.toString(), f32(1)));
        String m = assertThrows(SafetensorsException.class, () -> Safetensors.load(p)).getMessage();
        assertTrue(m.startsWith(p + ": the header is not valid JSON: Nesting limit 255 reached at line 1 column"), m);
    }

    @Test
    void headerNotAnObject() {
        rejects("[]", new byte[0], "the header is not a JSON object (it starts with '[]')");
        rejects("   ", new byte[0], "the header is not a JSON object (it starts with nothing)");
        rejects("\uFEFF{}", new byte[0], "the header is not a JSON object (it starts with '\uFEFF{}')");
        rejects("{\"a\":5}", new byte[0], "tensor 'a' must be an object with dtype, shape and data_offsets, got a number");
    }

    @Test
    void duplicateKeysAreRejectedAtEveryLevel() {
        rejects("{\"a\":" + F32_1 + ",\"a\":" + F32_1 + "}", f32(1), "the header has the key 'a' more than once");
        rejects("{\"__metadata__\":{},\"__metadata__\":{}}", new byte[0], "the header has the key '__metadata__' more than once");
        rejects("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", new byte[0], "__metadata__ has the key 'k' more than once");
        rejects("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1),
                "tensor 'a' has the field 'dtype' more than once");
    }

    @Test
    void unknownDtype() {
        String known = "[BOOL, F4, F6_E2M3, F6_E3M2, U8, I8, F8_E5M2, F8_E4M3, F8_E8M0, I16, U16, F16, BF16, I32, U32, F32, C64, F64, I64, U64]";
        rejects("{\"a\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1),
                "tensor 'a' has unknown dtype 'F128' (known: " + known + ")");
        rejects("{\"a\":{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1),
                "tensor 'a' has unknown dtype 'f32' (known: " + known + ")");
        rejects("{\"a\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1),
                "tensor 'a' has a dtype that is not a string: a number");
    }

    @Test
    void shapeNotAListOfNonNegativeIntegers() {
        String prefix = "tensor 'a' has shape that is not a list of non-negative integers: ";
        rejects(entry("\"shape\":[-1]"), f32(1), prefix + "it holds -1");
        rejects(entry("\"shape\":[1.0]"), f32(1), prefix + "it holds 1.0");
        rejects(entry("\"shape\":[1e0]"), f32(1), prefix + "it holds 1e0");
        rejects(entry("\"shape\":[\"1\"]"), f32(1), prefix + "it holds a string");
        rejects(entry("\"shape\":[null]"), f32(1), prefix + "it holds null");
        rejects(entry("\"shape\":1"), f32(1), prefix + "a number");
        rejects(entry("\"shape\":[18446744073709551616]"), f32(1),
                "tensor 'a' has shape holding 18446744073709551616, more than 2^63-1");
    }

    private static String entry(String shapeField) {
        return "{\"a\":{\"dtype\":\"F32\"," + shapeField + ",\"data_offsets\":[0,4]}}";
    }

    @Test
    void missingFields() {
        rejects("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", f32(1), "tensor 'a' has no data_offsets");
        rejects("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1), "tensor 'a' has no dtype");
        rejects("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", f32(1), "tensor 'a' has no shape");
    }

    @Test
    void dataOffsetsNotBeginEnd() {
        rejects(offsets("[4,0]"), f32(1), "tensor 'a' has data_offsets [4, 0]: end is before begin");
        rejects(offsets("[0]"), f32(1), "tensor 'a' has data_offsets [0], expected [begin, end]");
        rejects(offsets("[0,4,8]"), f32(1), "tensor 'a' has data_offsets [0, 4, 8], expected [begin, end]");
        rejects(offsets("[0,-4]"), f32(1), "tensor 'a' has data_offsets that is not a list of non-negative integers: it holds -4");
        rejects(offsets("{}"), f32(1), "tensor 'a' has data_offsets that is not a list of non-negative integers: an object");
    }

    private static String offsets(String value) {
        return "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":" + value + "}}";
    }

    @Test
    void offsetsMustBeContiguousFromZero() {
        rejects("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", f32(0, 1),
                "tensor 'a' has data_offsets [4, 8] but the first tensor's data must start at 0");
        rejects("{\"a\":" + F32_1 + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", f32(1, 2, 3),
                "tensor 'b' has data_offsets [8, 12] but the previous tensor 'a' ends at 4 (a gap of 4 bytes)");
        rejects("{\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", f32(1, 2, 3),
                "tensor 'b' has data_offsets [4, 12] but the previous tensor 'a' ends at 8 (they overlap by 4 bytes)");
        // two tensors claiming the same bytes
        rejects("{\"a\":" + F32_1 + ",\"b\":" + F32_1 + "}", f32(1),
                "tensor 'b' has data_offsets [0, 4] but the previous tensor 'a' ends at 4 (they overlap by 4 bytes)");
    }

    @Test
    void byteLengthMustMatchShapeAndDtype() {
        rejects("{\"h1.weight\":{\"dtype\":\"F32\",\"shape\":[3,4],\"data_offsets\":[0,36]}}", new byte[36],
                "tensor 'h1.weight' has data_offsets [0, 36] (36 bytes) but dtype F32 and shape [3, 4] need 48 bytes");
        rejects("{\"s\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,0]}}", new byte[0],
                "tensor 's' has data_offsets [0, 0] (0 bytes) but dtype I64 and shape [] need 8 bytes");
        rejects("{\"big\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}", f32(1),
                "tensor 'big' with dtype F32 and shape [4294967296, 4294967296] is too large: its size overflows 64 bits");
        rejects("{\"big\":{\"dtype\":\"F64\",\"shape\":[1152921504606846976,8],\"data_offsets\":[0,4]}}", f32(1),
                "tensor 'big' with dtype F64 and shape [1152921504606846976, 8] is too large: its size overflows 64 bits");
        rejects("{\"q\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}", new byte[2],
                "tensor 'q' with dtype F4 and shape [3] does not end on a byte boundary (12 bits)");
    }

    @Test
    void fileLengthMustBeHeaderPlusData() {
        rejects("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", f32(1),
                "the header describes 8 bytes of tensor data, so the file should be 70 bytes (8 + 54 + 8), but it is 66 bytes (truncated)");
        rejects("{\"a\":" + F32_1 + "}", concat(f32(1), new byte[] {0}),
                "the header describes 4 bytes of tensor data, so the file should be 66 bytes (8 + 54 + 4), but it is 67 bytes (trailing bytes)");
        rejects("{}", new byte[] {1}, "the header describes 0 bytes of tensor data, so the file should be 10 bytes (8 + 2 + 0), but it is 11 bytes (trailing bytes)");
    }

    @Test
    void metadataMustMapStringsToStrings() {
        rejects("{\"__metadata__\":{\"epoch\":1}}", new byte[0], "__metadata__ value of 'epoch' must be a string, got a number");
        rejects("{\"__metadata__\":{\"a\":null}}", new byte[0], "__metadata__ value of 'a' must be a string, got null");
        rejects("{\"__metadata__\":{\"a\":{}}}", new byte[0], "__metadata__ value of 'a' must be a string, got an object");
        rejects("{\"__metadata__\":[\"a\"]}", new byte[0], "__metadata__ must be an object of strings, got a list");
        rejects("{\"__metadata__\":\"pt\"}", new byte[0], "__metadata__ must be an object of strings, got a string");
    }

    @Test
    void messagesNameTheFileAsGiven() {
        Path p = StBytes.write(dir, "model.safetensors",
                StBytes.file("{\"h1.weight\":{\"dtype\":\"F32\",\"shape\":[3,4],\"data_offsets\":[0,36]}}".getBytes(StandardCharsets.UTF_8), new byte[36]));
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": tensor 'h1.weight'"), e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
    }
}
