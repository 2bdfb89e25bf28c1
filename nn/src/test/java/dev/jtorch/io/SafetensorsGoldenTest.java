package dev.jtorch.io;

import static dev.jtorch.io.StBytes.concat;
import static dev.jtorch.io.StBytes.f32;
import static dev.jtorch.io.StBytes.f64;
import static dev.jtorch.io.StBytes.i64;
import static dev.jtorch.io.StBytes.padded;
import static dev.jtorch.io.StBytes.u8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-level golden files written by hand from the spec ({@code safetensors/src/tensor.rs}:
 * {@code prepare}, {@code serialize}, serde_json's compact output and string escaping). The
 * first four are the cases of the reference's own unit tests (test_serialization,
 * test_serialization_forced_alignement, test_empty), whose header lengths 64, 72, 8 and 40 are
 * asserted explicitly.
 */
class SafetensorsGoldenTest {
    @TempDir
    Path dir;

    private byte[] saved(Map<String, NDArray> tensors, Map<String, String> metadata) {
        Path p = dir.resolve("out.safetensors");
        Safetensors.save(tensors, p, metadata);
        return StBytes.read(p);
    }

    private static Map<String, NDArray> map(Object... kv) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (NDArray) kv[i + 1]);
        }
        return m;
    }

    private static NDArray zeroToFive(int... shape) {
        return NDArray.wrap(new float[] {0, 1, 2, 3, 4, 5}, shape);
    }

    @Test
    void headerOfExactlyEightBytesMultipleGetsNoPadding() {
        String json = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}";
        byte[] expected = StBytes.file(padded(json), f32(0, 1, 2, 3, 4, 5));
        assertEquals(64, padded(json).length);
        assertEquals(64, json.length());
        assertArrayEquals(expected, saved(map("attn.0", zeroToFive(1, 2, 3)), null));
        assertArrayEquals(new byte[] {64, 0, 0, 0, 0, 0, 0, 0, '{', '"'}, java.util.Arrays.copyOf(expected, 10));
    }

    @Test
    void headerIsPaddedWithSpacesToAMultipleOfEight() {
        String json = "{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}";
        assertEquals(65, json.length());
        byte[] expected = StBytes.file(padded(json), f32(0, 1, 2, 3, 4, 5));
        assertEquals(72, padded(json).length);
        assertArrayEquals("       ".getBytes(), java.util.Arrays.copyOfRange(expected, 8 + 65, 8 + 72));
        assertArrayEquals(expected, saved(map("attn0", zeroToFive(1, 1, 2, 3)), null));
    }

    @Test
    void emptyFileWithAndWithoutMetadata() {
        assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' '},
                saved(map(), null));
        String json = "{\"__metadata__\":{\"framework\":\"pt\"}}";
        byte[] expected = StBytes.file(padded(json), new byte[0]);
        assertEquals(40, padded(json).length);
        assertArrayEquals(expected, saved(map(), Map.of("framework", "pt")));
    }

    @Test
    void emptyMetadataMapIsWrittenAsPythonWritesMetadataEqualsEmptyDict() {
        byte[] expected = StBytes.file(padded("{\"__metadata__\":{}}"), new byte[0]);
        assertArrayEquals(expected, saved(map(), Map.of()));
        assertEquals(Map.of(), Safetensors.metadata(dir.resolve("out.safetensors")));
        saved(map(), null);
        assertNull(Safetensors.metadata(dir.resolve("out.safetensors")));
    }

    @Test
    void tensorsAreOrderedByDescendingDtypeThenNameAndPackedFromZero() {
        Map<String, NDArray> tensors = map(
                "b", NDArray.wrapBool(new byte[] {1, 0}, 2),
                "a", NDArray.wrap(new float[] {1.5f, -2f}, 2),
                "z", NDArray.wrap(new long[] {-3}),
                "m", NDArray.wrap(new double[] {0.1}, 1),
                "c", NDArray.zeros(DType.FLOAT32, 0));
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"z\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"m\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]},"
                + "\"c\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[24,24]},"
                + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[24,26]}}";
        byte[] expected = StBytes.file(padded(json), concat(i64(-3), f64(0.1), f32(1.5f, -2f), u8(1, 0)));
        assertArrayEquals(expected, saved(tensors, Map.of("format", "pt")));

        Path p = StBytes.write(dir, "golden.safetensors", expected);
        Map<String, NDArray> back = Safetensors.load(p);
        assertEquals(List.of("a", "b", "c", "m", "z"), List.copyOf(back.keySet()));
        assertArrayEquals(new float[] {1.5f, -2f}, back.get("a").toFloatArray());
        assertArrayEquals(new boolean[] {true, false}, back.get("b").toBooleanArray());
        assertArrayEquals(new int[] {0}, back.get("c").sizes());
        assertArrayEquals(new double[] {0.1}, back.get("m").toDoubleArray());
        assertArrayEquals(new int[0], back.get("z").sizes());
        assertEquals(-3, back.get("z").itemLong());
        try (SafetensorsFile f = Safetensors.open(p)) {
            assertEquals(List.of("z", "m", "a", "c", "b"), f.offsetKeys());
        }
    }

    @Test
    void namesSortInCodePointOrderLikeRustNotInUtf16Order() {
        // U+FF61 < U+1F600 by code point (and UTF-8 bytes), but its UTF-16 unit 0xFF61 > 0xD83D.
        String halfwidth = "\uFF61";
        String emoji = "\uD83D\uDE00";
        Map<String, NDArray> tensors = map(emoji, NDArray.wrap(new float[] {1}, 1), halfwidth, NDArray.wrap(new float[] {2}, 1));
        String json = "{\"" + halfwidth + "\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"" + emoji + "\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertArrayEquals(StBytes.file(padded(json), f32(2, 1)), saved(tensors, null));
        assertEquals(List.of(halfwidth, emoji), List.copyOf(Safetensors.load(dir.resolve("out.safetensors")).keySet()));
    }

    @Test
    void stringsAreEscapedAsSerdeJsonEscapesThem() {
        String name = "q\"b\\s/\b\t\n\f\r\u0001\u001f\u007f\u00e9\u2028";
        String escaped = "q\\\"b\\\\s/\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\u00e9\u2028";
        Map<String, String> metadata = Map.of("k\u0000", "v\"");
        String json = "{\"__metadata__\":{\"k\\u0000\":\"v\\\"\"},"
                + "\"" + escaped + "\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        byte[] expected = StBytes.file(padded(json), i64(7));
        assertArrayEquals(expected, saved(map(name, NDArray.wrap(new long[] {7}, 1)), metadata));
        Path p = dir.resolve("out.safetensors");
        assertEquals(List.of(name), List.copyOf(Safetensors.load(p).keySet()));
        assertEquals(metadata, Safetensors.metadata(p));
    }

    @Test
    void metadataIsWrittenInTheMapsIterationOrderAndReadInFileOrder() {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("zeta", "1");
        md.put("alpha", "2");
        String json = "{\"__metadata__\":{\"zeta\":\"1\",\"alpha\":\"2\"}}";
        assertArrayEquals(StBytes.file(padded(json), new byte[0]), saved(map(), md));
        assertEquals(List.of("zeta", "alpha"), List.copyOf(Safetensors.metadata(dir.resolve("out.safetensors")).keySet()));
    }

    @Test
    void nonContiguousArraysAreWrittenInCOrder() {
        NDArray t = NDArray.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t(); // [[1,4],[2,5],[3,6]]
        String json = "{\"t\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[0,24]}}";
        assertArrayEquals(StBytes.file(padded(json), f32(1, 4, 2, 5, 3, 6)), saved(map("t", t), null));
    }

    @Test
    void loadsHeadersWithWhitespaceUnknownFieldsAndAnyKeyOrderAsTheReferenceDoes() {
        String json = "\n {\"b\" : {\"data_offsets\":[4,8], \"shape\":[1], \"dtype\":\"F32\", \"extra\":{\"x\":[1,{}]}},"
                + "\t\"__metadata__\":{\"format\":\"pt\"}, \"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}\r\n";
        Path p = StBytes.write(dir, "loose.safetensors", StBytes.file(json, f32(1, 2)));
        Map<String, NDArray> back = Safetensors.load(p);
        assertEquals(1f, back.get("a").item());
        assertEquals(2f, back.get("b").item());
        assertEquals(Map.of("format", "pt"), Safetensors.metadata(p));
    }

    @Test
    void nullMetadataValueMeansNoMetadataAsSerdeReadsOptionFromNull() {
        Path p = StBytes.write(dir, "n.safetensors", StBytes.file("{\"__metadata__\":null}", new byte[0]));
        assertNull(Safetensors.metadata(p));
    }
}
