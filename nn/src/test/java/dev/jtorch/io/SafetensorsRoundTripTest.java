package dev.jtorch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save then load gives back every dtype, shape and bit; load then save gives back the same bytes. */
class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    private static final int[][] SHAPES = {{}, {0}, {2, 0, 3}, {1}, {5}, {2, 3, 4}, {1, 1, 7, 1}};

    /** Values covering each dtype's edges, repeated to fill {@code n} elements. */
    static NDArray sample(DType dtype, int[] shape, long seed) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        Random r = new Random(seed);
        switch (dtype) {
            case FLOAT32: {
                float[] edge = {0f, -0f, 1f, -1.5f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7FC00001), Float.intBitsToFloat(0xFF812345)};
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i < edge.length ? edge[i] : Float.intBitsToFloat(r.nextInt());
                }
                return NDArray.wrap(v, shape);
            }
            case FLOAT64: {
                double[] edge = {0d, -0d, 0.1, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                        Double.longBitsToDouble(0x7FF0000000000001L)};
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i < edge.length ? edge[i] : Double.longBitsToDouble(r.nextLong());
                }
                return NDArray.wrap(v, shape);
            }
            case INT64: {
                long[] edge = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1};
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i < edge.length ? edge[i] : r.nextLong();
                }
                return NDArray.wrap(v, shape);
            }
            default: {
                byte[] v = new byte[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (byte) (r.nextBoolean() ? 1 : 0);
                }
                return NDArray.wrapBool(v, shape);
            }
        }
    }

    /** Same dtype, shape and bit pattern of every element (NaN payloads included). */
    static void assertSameBits(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what);
        assertArrayEquals(expected.sizes(), actual.sizes(), what);
        switch (expected.dtype()) {
            case FLOAT32:
                assertArrayEquals(floatBits(expected.toFloatArray()), floatBits(actual.toFloatArray()), what);
                break;
            case FLOAT64:
                assertArrayEquals(doubleBits(expected.toDoubleArray()), doubleBits(actual.toDoubleArray()), what);
                break;
            case INT64: assertArrayEquals(expected.toLongArray(), actual.toLongArray(), what); break;
            default: assertArrayEquals(expected.toBooleanArray(), actual.toBooleanArray(), what);
        }
    }

    private static int[] floatBits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }

    private static long[] doubleBits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    @Test
    void everyWritableDtypeAndShapeKindRoundTrips() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (DType t : DType.values()) {
            for (int[] s : SHAPES) {
                tensors.put(t + "/" + java.util.Arrays.toString(s), sample(t, s, tensors.size()));
            }
        }
        Path p = dir.resolve("all.safetensors");
        Safetensors.save(tensors, p);
        Map<String, NDArray> back = Safetensors.load(p);
        assertEquals(tensors.keySet(), back.keySet());
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            assertSameBits(e.getValue(), back.get(e.getKey()), e.getKey());
        }
        List<String> sorted = new ArrayList<>(tensors.keySet());
        sorted.sort(HeaderWriter::compareCodePoints);
        assertEquals(sorted, new ArrayList<>(back.keySet()), "load returns name order");
    }

    @Test
    void largeTensorsSpanningManyReadAndWriteChunksRoundTrip() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("f32", sample(DType.FLOAT32, new int[] {600_001}, 1));
        tensors.put("f64", sample(DType.FLOAT64, new int[] {3, 100_003}, 2));
        tensors.put("i64", sample(DType.INT64, new int[] {262_145}, 3));
        tensors.put("bool", sample(DType.BOOL, new int[] {1_048_577}, 4));
        Path p = dir.resolve("large.safetensors");
        Safetensors.save(tensors, p);
        Map<String, NDArray> back = Safetensors.load(p);
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            assertSameBits(e.getValue(), back.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void viewsAreSavedAsTheirCOrderValues() {
        NDArray base = sample(DType.FLOAT64, new int[] {4, 5, 6}, 9);
        NDArray view = base.permute(2, 0, 1).slice(1, 0, 4, 2);
        NDArray expanded = NDArray.wrap(new long[] {1, 2, 3}, 3).expand(2, 3);
        Path p = dir.resolve("views.safetensors");
        Safetensors.save(Map.of("view", view, "expanded", expanded), p);
        Map<String, NDArray> back = Safetensors.load(p);
        assertSameBits(view.contiguous(), back.get("view"), "view");
        assertArrayEquals(new long[] {1, 2, 3, 1, 2, 3}, back.get("expanded").toLongArray());
    }

    @Test
    void metadataRoundTripsInOrder() {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("format", "pt");
        md.put("note", "línea 1\nline \"2\"\t\u00e9\uD83D\uDE00");
        md.put("", "");
        Path p = dir.resolve("md.safetensors");
        Safetensors.save(Map.of("w", NDArray.ones(2, 2)), p, md);
        assertEquals(new ArrayList<>(md.entrySet()), new ArrayList<>(Safetensors.metadata(p).entrySet()));
        assertThrows(UnsupportedOperationException.class, () -> Safetensors.metadata(p).put("x", "y"));
        Safetensors.save(Map.of("w", NDArray.ones(2, 2)), p);
        assertNull(Safetensors.metadata(p));
    }

    @Test
    void openListsTheHeaderAndReadsTensorsOneByOne() {
        Path p = dir.resolve("open.safetensors");
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("layers.1.bias", NDArray.wrap(new float[] {1, 2}, 2));
        tensors.put("layers.0.weight", NDArray.wrap(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        tensors.put("step", NDArray.wrap(new long[] {7}));
        Safetensors.save(tensors, p, Map.of("format", "pt"));
        SafetensorsFile f = Safetensors.open(p);
        try (f) {
            assertEquals(List.of("layers.0.weight", "layers.1.bias", "step"), f.keys());
            assertEquals(List.of("step", "layers.0.weight", "layers.1.bias"), f.offsetKeys());
            TensorInfo w = f.info("layers.0.weight");
            assertEquals("F64", w.dtype());
            assertEquals(Optional.of(DType.FLOAT64), w.loadDtype());
            assertArrayEquals(new long[] {2, 3}, w.shape());
            assertEquals(6, w.numel());
            assertEquals(8, w.begin());
            assertEquals(56, w.end());
            assertEquals(Map.of("format", "pt"), f.metadata());
            assertEquals(3, f.tensors().size());
            assertSameBits(tensors.get("layers.1.bias"), f.getTensor("layers.1.bias"), "bias");
            assertSameBits(tensors.get("step"), f.getTensor("step"), "step");
            SafetensorsException e = assertThrows(SafetensorsException.class, () -> f.getTensor("nope"));
            assertEquals(p + ": the file does not contain a tensor named 'nope'", e.getMessage());
        }
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> f.getTensor("step"));
        assertEquals(p + " is closed", closed.getMessage());
    }

    @Test
    void savingOverAnExistingFileReplacesItAndLeavesNoTemporaryFile() throws IOException {
        Path p = dir.resolve("w.safetensors");
        Safetensors.save(Map.of("a", NDArray.ones(3)), p);
        Safetensors.save(Map.of("b", NDArray.zeros(DType.INT64, 2)), p);
        assertEquals(List.of("b"), new ArrayList<>(Safetensors.load(p).keySet()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    @Test
    void invalidMapsAreRejectedBeforeAnythingIsWritten() throws IOException {
        Path p = dir.resolve("bad.safetensors");
        Map<String, NDArray> reserved = Map.of("__metadata__", NDArray.ones(1));
        assertEquals(p + ": '__metadata__' is reserved for the metadata and cannot name a tensor",
                assertThrows(SafetensorsException.class, () -> Safetensors.save(reserved, p)).getMessage());
        Map<String, NDArray> nullValue = new LinkedHashMap<>();
        nullValue.put("x", null);
        assertEquals(p + ": tensor 'x' is null",
                assertThrows(SafetensorsException.class, () -> Safetensors.save(nullValue, p)).getMessage());
        Map<String, NDArray> badName = Map.of("a\uD800", NDArray.ones(1));
        assertEquals(p + ": tensor name 'a\uD800' has an unpaired surrogate (not valid Unicode)",
                assertThrows(SafetensorsException.class, () -> Safetensors.save(badName, p)).getMessage());
        Map<String, String> nullMd = new LinkedHashMap<>();
        nullMd.put("k", null);
        assertEquals(p + ": metadata entry k=null has a null key or value; metadata maps strings to strings",
                assertThrows(SafetensorsException.class, () -> Safetensors.save(Map.of(), p, nullMd)).getMessage());
        assertFalse(Files.exists(p));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    // ------------------------------------------------------------------ properties

    @Provide
    Arbitrary<Map<String, NDArray>> tensorMaps() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of("layers.0.weight", "layers.10.bias", "\u00e9", "\uFF61", "\uD83D\uDE00", "a\"b", "x\ny"));
        Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 4).list().ofMaxSize(4)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<NDArray> arrays = Combinators.combine(Arbitraries.of(DType.values()), shapes, Arbitraries.longs())
                .as(SafetensorsRoundTripTest::sample);
        return Arbitraries.maps(names, arrays).ofMaxSize(6);
    }

    @Property(tries = 100)
    void saveLoadIsTheIdentityAndLoadSaveReproducesTheBytes(@ForAll("tensorMaps") Map<String, NDArray> tensors)
            throws IOException {
        Path tmp = Files.createTempDirectory("st-prop");
        try {
            Path a = tmp.resolve("a.safetensors");
            Path b = tmp.resolve("b.safetensors");
            Safetensors.save(tensors, a, Map.of("format", "pt"));
            Map<String, NDArray> back = Safetensors.load(a);
            assertEquals(tensors.keySet(), back.keySet());
            for (String k : tensors.keySet()) {
                assertSameBits(tensors.get(k), back.get(k), k);
            }
            Safetensors.save(back, b, Safetensors.metadata(a));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
            byte[] bytes = Files.readAllBytes(a);
            long headerLength = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, "the header is padded to a multiple of 8");
            byte last = bytes[(int) (8 + headerLength - 1)];
            assertTrue(last == '}' || last == ' ', "the header ends with its object or with padding");
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(tmp);
        }
    }
}
