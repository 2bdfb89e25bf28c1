package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RandomTest {
    /** Values read from libtorch 2.10 (docs: pytorch-numerics.md section 1). */
    @Test
    void knownValuesAfterManualSeed0() {
        Generator.manualSeedGlobal(0);
        assertArrayEquals(new float[] {0.4962566f, 0.7682218f, 0.08847743f, 0.13203049f, 0.30742282f}, NDArray.rand(5).toFloatArray());
        Generator.manualSeedGlobal(0);
        assertArrayEquals(new float[] {1.5409961f, -0.2934289f, -2.1787894f, 0.56843126f, -1.0845224f}, NDArray.randn(5).toFloatArray());
        Generator.manualSeedGlobal(0);
        NDArray m = NDArray.randn(4, 4);
        assertArrayEquals(new int[] {4, 4}, m.sizes());
        assertArrayEquals(new float[] {-1.1258398f, -1.1523602f, -0.25057858f, -0.4338788f, 0.84871036f},
                Arrays.copyOf(m.toFloatArray(), 5));
    }

    /** randn(3) leaves the second value of its second pair cached; the next small randn starts with it. */
    @Test
    void cachedNormalPersistsAcrossCalls() {
        float[] four = NDArray.randn(new Generator(0), DType.FLOAT32, 4).toFloatArray();
        Generator g = new Generator(0);
        float[] three = NDArray.randn(g, DType.FLOAT32, 3).toFloatArray();
        assertArrayEquals(Arrays.copyOf(four, 3), three);
        NDArray.randn(g, DType.FLOAT32, 16); // the 16-block path neither reads nor clears the cache
        assertEquals(four[3], NDArray.randn(g, DType.FLOAT32, 1).item(), 0.0);
    }

    @Test
    void theCacheIsTheDoubleSampleAndIsSharedByFloat32AndFloat64() {
        Generator g = new Generator(5);
        double[] d = NDArray.randn(g, DType.FLOAT64, 2).toDoubleArray();
        Generator h = new Generator(5);
        NDArray.randn(h, DType.FLOAT32, 1);
        assertEquals((float) d[1], NDArray.randn(h, DType.FLOAT32, 1).item(), 0.0);
    }

    /**
     * In the 16-block path all uniforms are drawn first and a size that is not a multiple of 16
     * recomputes the last 16 from 16 new uniforms, so everything before them equals a randn of the
     * whole blocks.
     */
    @Property(tries = 100)
    void blockPathPrefixEqualsTheWholeBlocks(@ForAll @IntRange(min = 16, max = 300) int n, @ForAll long seed,
            @ForAll boolean float64) {
        DType dt = float64 ? DType.FLOAT64 : DType.FLOAT32;
        double[] a = NDArray.randn(new Generator(seed), dt, n).toDoubleArray();
        double[] b = NDArray.randn(new Generator(seed), dt, n / 16 * 16).toDoubleArray();
        int prefix = n % 16 == 0 ? n : n - 16;
        assertArrayEquals(Arrays.copyOf(b, prefix), Arrays.copyOf(a, prefix));
        for (double v : a) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Property(tries = 100)
    void uniformStaysInRangeAndIsSerial(@ForAll @IntRange(min = 0, max = 100) int n, @ForAll long seed,
            @ForAll boolean float64) {
        DType dt = float64 ? DType.FLOAT64 : DType.FLOAT32;
        double[] a = NDArray.zeros(dt, n).uniform_(-2, 3, new Generator(seed)).toDoubleArray();
        for (double v : a) {
            assertTrue(v >= -2 && v < 3, "value " + v);
        }
        double[] prefix = NDArray.zeros(dt, n / 2).uniform_(-2, 3, new Generator(seed)).toDoubleArray();
        assertArrayEquals(prefix, Arrays.copyOf(a, n / 2));
    }

    @Property(tries = 100)
    void randintStaysInRange(@ForAll @LongRange(min = -(1L << 40), max = 1L << 40) long low,
            @ForAll @LongRange(min = 1, max = 1L << 35) long width, @ForAll long seed) {
        long[] v = NDArray.randint(low, low + width, new int[] {50}, new Generator(seed)).toLongArray();
        for (long x : v) {
            assertTrue(x >= low && x < low + width, "value " + x);
        }
    }

    @Property(tries = 100)
    void randpermIsAPermutation(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll long seed) {
        long[] p = NDArray.randperm(n, new Generator(seed)).toLongArray();
        Arrays.sort(p);
        for (int i = 0; i < n; i++) {
            assertEquals(i, p[i]);
        }
    }

    @Test
    void randpermDrawsNMinus1Values() {
        Generator g = new Generator(3);
        NDArray.randperm(10, g);
        Generator h = new Generator(3);
        for (int i = 0; i < 9; i++) {
            h.random();
        }
        assertEquals(h.random(), g.random());
        assertArrayEquals(new long[] {0}, NDArray.randperm(1, g).toLongArray());
        assertEquals(0, NDArray.randperm(0).numel());
    }

    @Test
    void randomDefaultsPerDtype() {
        long[] i64 = NDArray.zeros(DType.INT64, 200).random_(new Generator(1)).toLongArray();
        Generator g = new Generator(1);
        for (long v : i64) {
            assertEquals(g.random64() & Long.MAX_VALUE, v);
        }
        double[] f32 = NDArray.zeros(DType.FLOAT32, 200).random_(new Generator(1)).toDoubleArray();
        g = new Generator(1);
        for (double v : f32) {
            assertEquals(g.random() % ((1 << 24) + 1), (long) v);
        }
        boolean[] b = NDArray.zeros(DType.BOOL, 64).random_(new Generator(1)).toBooleanArray();
        g = new Generator(1);
        for (boolean v : b) {
            assertEquals((g.random() & 1) == 1, v);
        }
    }

    /** random64() from a range of 2^28 on (the public libtorch build), random() below. */
    @Test
    void randomFromToSwitchesTo64BitDrawsAt2To28() {
        long below = NDArray.zeros(DType.INT64, 1).random_(0, (1L << 28) - 1, new Generator(9)).itemLong();
        assertEquals(new Generator(9).random() % ((1L << 28) - 1), below);
        long at = NDArray.zeros(DType.INT64, 1).random_(0, 1L << 28, new Generator(9)).itemLong();
        assertEquals(Long.remainderUnsigned(new Generator(9).random64(), 1L << 28), at);
    }

    @Test
    void floatBoundsMoveToRepresentableValues() {
        // 2^25 + 3 - 1 is not a float: update_to moves 'to' left; 2^25 + 1 + 1 rounds to 2^25 < from: update_from moves right
        assertEquals((1L << 25) + 4, Random.updateFrom((1L << 25) + 1, DType.FLOAT32));
        assertEquals(1L << 25, Random.updateTo((1L << 25) + 4, DType.FLOAT32));
        assertEquals(5, Random.updateFrom(5, DType.FLOAT32));
        assertEquals(5, Random.updateTo(5, DType.FLOAT64));
    }

    /** Non-contiguous targets are filled in storage order (TensorIterator sorts dims by stride). */
    @Test
    void transposedViewsAreFilledInStorageOrder() {
        NDArray a = NDArray.zeros(6, 5);
        a.t().uniform_(0, 1, new Generator(2));
        NDArray b = NDArray.zeros(6, 5).uniform_(0, 1, new Generator(2));
        assertArrayEquals(b.toFloatArray(), a.toFloatArray());
        NDArray c = NDArray.zeros(4, 3, 2);
        c.permute(2, 0, 1).normal_(0, 1, new Generator(2));
        // the permuted view is not contiguous, so it takes the scalar path, like this strided 1-d view
        NDArray e = NDArray.zeros(24, 2).select(1, 0).normal_(0, 1, new Generator(2));
        assertArrayEquals(e.toFloatArray(), c.toFloatArray());
    }

    @Test
    void permutationFollowsReorderDimensions() {
        NDArray t = NDArray.zeros(2, 3, 4).permute(1, 2, 0); // strides (4, 1, 12)
        assertArrayEquals(new int[] {1, 0, 2}, WriteOrder.permutation(t));
        int[] off = WriteOrder.offsets(NDArray.zeros(3, 4).slice(1, 0, 4, 2)); // every other column
        assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10}, off);
    }

    @Test
    void likeVariantsKeepShapeAndDtype() {
        NDArray a = NDArray.zeros(DType.FLOAT64, 2, 3);
        assertArrayEquals(new int[] {2, 3}, NDArray.randLike(a).sizes());
        assertEquals(DType.FLOAT64, NDArray.randnLike(a, new Generator(1)).dtype());
        assertArrayEquals(NDArray.randn(new Generator(1), DType.FLOAT64, 2, 3).toDoubleArray(),
                NDArray.randnLike(a, new Generator(1)).toDoubleArray());
        assertEquals(DType.INT64, NDArray.randint(5, new int[] {2}).dtype());
        assertEquals(DType.FLOAT32, NDArray.rand().dtype());
        assertEquals(0, NDArray.rand().dim());
    }

    @Test
    void bernoulliIsUniformDoubleBelowP() {
        Generator g = new Generator(6);
        float[] v = NDArray.zeros(100).bernoulli_(0.3, new Generator(6)).toFloatArray();
        for (float x : v) {
            double u = (g.random64() & ((1L << 53) - 1)) * 0x1p-53;
            assertEquals(u < 0.3 ? 1f : 0f, x);
        }
        assertArrayEquals(new float[] {1, 1, 1}, NDArray.zeros(3).bernoulli_(1).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0}, NDArray.ones(3).bernoulli_(0).toFloatArray());
    }

    @Test
    void errorsUsePyTorchsWords() {
        assertMessage("random_ expects 'from' to be less than 'to', but got from=5 >= to=5",
                () -> NDArray.randint(5, 5, new int[] {3}));
        assertMessage("Trying to create tensor with negative dimension -1: [-1]", () -> NDArray.randperm(-1));
        assertMessage("Trying to create tensor with negative dimension -2: [3, -2]", () -> NDArray.rand(3, -2));
        assertMessage("n cannot be greater than 2^24+1 for Float type.",
                () -> NDArray.randperm((1 << 24) + 2, DType.FLOAT32, null));
        assertMessage("uniform_ expects to return a [from, to) range, but found from=5 > to=3", () -> NDArray.zeros(3).uniform_(5, 3));
        assertMessage("from is out of bounds for float", () -> NDArray.zeros(3).uniform_(-1e39, 0));
        assertMessage("uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=3e+38 and from=-3e+38 "
                + "which result in to-from to exceed the limit", () -> NDArray.zeros(3).uniform_(-3e38, 3e38));
        assertMessage("normal expects std >= 0.0, but found std -0.5", () -> NDArray.zeros(3).normal_(0, -0.5));
        assertMessage("bernoulli_ expects p to be in [0, 1], but got p=1.5", () -> NDArray.zeros(3).bernoulli_(1.5));
        assertMessage("bernoulli_ expects p to be in [0, 1], but got p=nan", () -> NDArray.zeros(3).bernoulli_(Double.NaN));
        assertMessage("to - 1 is out of bounds for bool", () -> NDArray.zeros(DType.BOOL, 3).random_(0, 3));
        assertMessage("random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, "
                + "but got from=16777216 > to_inc=16777216", () -> NDArray.zeros(3).random_(1L << 24, (Long) null, null));
        assertMessage("unsupported operation: more than one element of the written-to tensor refers to a single memory "
                + "location. Please clone() the tensor before performing the operation.", () -> NDArray.zeros(1).expand(4).normal_());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> NDArray.randn(DType.INT64, 3));
        assertEquals("\"normal_kernel_cpu\" not implemented for 'Long'", u.getMessage());
        u = assertThrows(IllegalArgumentException.class, () -> NDArray.rand(DType.INT64, 0));
        assertEquals("\"check_uniform_bounds\" not implemented for 'Long'", u.getMessage());
        NDArray.zeros(DType.INT64, 0).normal_(); // empty: returns before the dtype is looked at, as in PyTorch
    }

    private static void assertMessage(String expected, Runnable r) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, r::run).getMessage());
    }
}
