package dev.jtorch.io;

import static dev.jtorch.io.StBytes.concat;
import static dev.jtorch.io.StBytes.i16;
import static dev.jtorch.io.StBytes.i32;
import static dev.jtorch.io.StBytes.u8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the dtypes jtorch does not write: each converts exactly to float32 or int64. The
 * expected values are computed from the formats' definitions (sign, biased exponent, mantissa)
 * in double arithmetic, independently of the bit manipulation the reader uses.
 */
class SafetensorsReadDtypesTest {
    @TempDir
    Path dir;

    private NDArray readOne(String dtype, int n, byte[] data) {
        String json = "{\"t\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + n + "],\"data_offsets\":[0," + data.length + "]}}";
        Path p = StBytes.write(dir, dtype + ".safetensors", StBytes.file(StBytes.padded(json), data));
        return Safetensors.load(p).get("t");
    }

    /** (-1)^s * 2^(e - bias) * (1 + m / 2^mbits), or the subnormal form when e == 0. */
    private static double ieee(int s, int e, int m, int bias, int mbits) {
        double v = e == 0 ? m * Math.pow(2, 1 - bias - mbits) : (1 + m / Math.pow(2, mbits)) * Math.pow(2, e - bias);
        return s == 1 ? -v : v;
    }

    private static void assertFloatBits(float expected, float actual, Supplier<String> what) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), () -> what.get() + ": " + expected + " vs " + actual);
    }

    @Test
    void everyHalfValueWidensExactly() {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) i;
        }
        int[] asInts = new int[65536];
        for (int i = 0; i < 65536; i++) {
            asInts[i] = all[i];
        }
        NDArray t = readOne("F16", 65536, i16(asInts));
        assertEquals(DType.FLOAT32, t.dtype());
        float[] v = t.toFloatArray();
        for (int h = 0; h < 65536; h++) {
            int s = h >>> 15;
            int e = (h >>> 10) & 0x1F;
            int m = h & 0x3FF;
            int bits = h;
            Supplier<String> what = () -> String.format("F16 0x%04x", bits);
            if (e == 0x1F) {
                // infinities, and NaNs keeping their payload in the top mantissa bits
                assertEquals((s << 31) | 0x7F800000 | (m << 13), Float.floatToRawIntBits(v[h]), what);
            } else {
                assertFloatBits((float) ieee(s, e, m, 15, 10), v[h], what);
            }
        }
        assertEquals(65504f, v[0x7BFF]);
        assertEquals(0x1p-24f, v[0x0001]);
        assertFloatBits(-0f, v[0x8000], () -> "-0");
    }

    @Test
    void bfloat16IsTheUpperHalfOfAFloat() {
        float[] v = readOne("BF16", 7, i16(0x3F80, 0xC000, 0x7F80, 0x0001, 0x7FC1, 0x3E20, 0x8000)).toFloatArray();
        assertEquals(1f, v[0]);
        assertEquals(-2f, v[1]);
        assertEquals(Float.POSITIVE_INFINITY, v[2]);
        assertEquals(0x1p-133f, v[3]);
        assertEquals(0x7FC10000, Float.floatToRawIntBits(v[4]));
        assertEquals(0.15625f, v[5]);
        assertFloatBits(-0f, v[6], () -> "-0");
    }

    @Test
    void everyFloat8E4M3fnValueWidensExactly() {
        int[] bytes = new int[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = i;
        }
        float[] v = readOne("F8_E4M3", 256, u8(bytes)).toFloatArray();
        for (int b = 0; b < 256; b++) {
            int s = b >>> 7;
            int e = (b >>> 3) & 0xF;
            int m = b & 7;
            if (e == 0xF && m == 7) {
                assertTrue(Float.isNaN(v[b]), "e4m3fn has NaN only at S.1111.111");
            } else {
                int bits = b;
                assertFloatBits((float) ieee(s, e, m, 7, 3), v[b], () -> String.format("E4M3 0x%02x", bits));
            }
        }
        assertEquals(448f, v[0x7E]);
        assertEquals(0x1p-9f, v[0x01]);
        assertEquals(1f, v[0x38]);
    }

    @Test
    void float8E5M2IsTheTopByteOfAHalf() {
        float[] v = readOne("F8_E5M2", 5, u8(0x3C, 0x7B, 0x7C, 0x7D, 0x01)).toFloatArray();
        assertEquals(1f, v[0]);
        assertEquals(57344f, v[1]);
        assertEquals(Float.POSITIVE_INFINITY, v[2]);
        assertTrue(Float.isNaN(v[3]));
        assertEquals(0x1p-16f, v[4]);
    }

    @Test
    void float8E8M0IsAPowerOfTwo() {
        float[] v = readOne("F8_E8M0", 4, u8(0x7F, 0x00, 0xFE, 0xFF)).toFloatArray();
        assertEquals(1f, v[0]);
        assertEquals(0x1p-127f, v[1]);
        assertEquals(0x1p127f, v[2]);
        assertTrue(Float.isNaN(v[3]));
    }

    @Test
    void integersWidenToInt64() {
        assertArrayEquals(new long[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE},
                readOne("I32", 4, i32(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)).toLongArray());
        assertArrayEquals(new long[] {0, 4294967295L, 2147483648L},
                readOne("U32", 3, i32(0, -1, Integer.MIN_VALUE)).toLongArray());
        assertArrayEquals(new long[] {-32768, 32767, -1}, readOne("I16", 3, i16(-32768, 32767, -1)).toLongArray());
        assertArrayEquals(new long[] {32768, 32767, 65535}, readOne("U16", 3, i16(-32768, 32767, -1)).toLongArray());
        assertArrayEquals(new long[] {-128, 127, -1}, readOne("I8", 3, u8(0x80, 0x7F, 0xFF)).toLongArray());
        NDArray u8 = readOne("U8", 3, u8(0x80, 0x7F, 0xFF));
        assertEquals(DType.INT64, u8.dtype());
        assertArrayEquals(new long[] {128, 127, 255}, u8.toLongArray());
    }

    @Test
    void anyNonzeroBoolByteReadsAsTrue() {
        NDArray b = readOne("BOOL", 4, u8(0, 1, 2, 0xFF));
        assertArrayEquals(new boolean[] {false, true, true, true}, b.toBooleanArray());
    }

    @Test
    void halvesSpanningSeveralChunksAndMultiDimShapes() {
        int n = 3 * 1024 * 512 + 6; // 3 MiB of F16 (a multiple of 5): three 1 MiB read chunks and a tail
        int[] halves = new int[n];
        for (int i = 0; i < n; i++) {
            halves[i] = 0x3C00 + (i % 1024); // 1 + k/1024
        }
        String json = "{\"t\":{\"dtype\":\"F16\",\"shape\":[" + (n / 5) + ",5],\"data_offsets\":[0," + (2 * n) + "]}}";
        Path p = StBytes.write(dir, "big.safetensors", StBytes.file(StBytes.padded(json), i16(halves)));
        NDArray t = Safetensors.load(p).get("t");
        assertArrayEquals(new int[] {n / 5, 5}, t.sizes());
        float[] v = t.toFloatArray();
        for (int i = 0; i < n; i++) {
            if (v[i] != 1 + (i % 1024) / 1024f) {
                throw new AssertionError("element " + i + ": " + v[i]);
            }
        }
    }

    @Test
    void dtypesJtorchCannotHoldAreListedButNotRead() {
        String json = "{\"c\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"f\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]},"
                + "\"q\":{\"dtype\":\"F4\",\"shape\":[2],\"data_offsets\":[12,13]},"
                + "\"u\":{\"dtype\":\"U64\",\"shape\":[],\"data_offsets\":[13,21]}}";
        Path p = StBytes.write(dir, "exotic.safetensors", StBytes.file(json, new byte[21]));
        try (SafetensorsFile f = Safetensors.open(p)) {
            assertEquals("C64", f.info("c").dtype());
            assertEquals(Optional.empty(), f.info("c").loadDtype());
            assertEquals(Optional.of(DType.FLOAT32), f.info("f").loadDtype());
            assertEquals(0f, f.getTensor("f").item());
            for (String name : new String[] {"c", "q", "u"}) {
                SafetensorsException e = assertThrows(SafetensorsException.class, () -> f.getTensor(name));
                assertEquals(p + ": tensor '" + name + "' has dtype " + f.info(name).dtype() + ", which jtorch cannot load"
                        + " (it loads BOOL, U8, I8, I16, U16, I32, U32, I64, F8_E5M2, F8_E4M3, F8_E8M0, F16, BF16, F32, F64)",
                        e.getMessage());
            }
        }
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> Safetensors.load(p));
        assertTrue(e.getMessage().startsWith(p + ": tensor 'c' has dtype C64, which jtorch cannot load"), e.getMessage());
    }

    @Test
    void shapesBeyondJavaArraysAreRejectedBeforeReading() throws IOException {
        String json = "{\"z\":{\"dtype\":\"F32\",\"shape\":[0,3000000000],\"data_offsets\":[0,0]}}";
        Path p = StBytes.write(dir, "wide.safetensors", StBytes.file(json, new byte[0]));
        assertEquals(p + ": tensor 'z' has shape [0, 3000000000] with a dimension above 2147483647, which jtorch cannot hold",
                assertThrows(SafetensorsException.class, () -> Safetensors.load(p)).getMessage());

        // a 2 GiB BOOL tensor in a sparse file: the header is valid, but no Java array can hold it
        long n = Integer.MAX_VALUE;
        byte[] header = StBytes.padded("{\"b\":{\"dtype\":\"BOOL\",\"shape\":[" + n + "],\"data_offsets\":[0," + n + "]}}");
        Path big = StBytes.write(dir, "huge.safetensors", concat(StBytes.le64(header.length), header));
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(8 + header.length + n);
        }
        try (SafetensorsFile f = Safetensors.open(big)) {
            assertEquals(n, f.info("b").numel());
        }
        assertEquals(big + ": tensor 'b' of shape [2147483647] has 2147483647 elements, more than a Java array can hold (2147483639)",
                assertThrows(SafetensorsException.class, () -> Safetensors.load(big)).getMessage());
    }

    @Test
    void loadReturnsNameOrderRegardlessOfFileOrder() {
        String json = "{\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        Path p = StBytes.write(dir, "order.safetensors", StBytes.file(json, i32(2, 1)));
        Map<String, NDArray> m = Safetensors.load(p);
        assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(m.keySet()));
        assertEquals(1, m.get("a").itemLong());
        assertEquals(2, m.get("b").itemLong());
    }
}
