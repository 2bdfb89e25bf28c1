package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorGemm} (packed micro-kernel, direct-B, matrix-vector, tiny and parallel paths)
 * against the {@link ScalarGemm} reference, over odd sizes around the tile sizes, every operand
 * layout (row-major, transposed, padded rows, general strides), and alpha/beta combinations.
 *
 * <p>Tolerance: summation order differs (blocked, fused multiply-add), so each element is
 * compared with the standard GEMM error bound, relative to {@code |alpha| * sum_p |a_ip b_pj| +
 * |beta c_ij|}: 1e-5 for float32, 1e-12 for float64.
 */
class GemmKernelsTest {
    private static final GemmKernels VECTOR = VectorGemm.create();
    private static final GemmKernels SCALAR = new ScalarGemm();

    /** How a logical {@code rows x cols} operand is laid out in its backing array. */
    enum Layout { ROW_MAJOR, TRANSPOSED, PADDED_ROWS, STRIDED }

    /** A strided operand: element (i, j) at {@code off + i * rs + j * cs}. */
    static final class Operand {
        final int off;
        final int rs;
        final int cs;
        final int size;

        Operand(Layout layout, int rows, int cols) {
            switch (layout) {
                case ROW_MAJOR: off = 0; rs = cols; cs = 1; break;
                case TRANSPOSED: off = 0; rs = 1; cs = rows; break;
                case PADDED_ROWS: off = 5; rs = cols + 3; cs = 1; break;
                default: off = 3; rs = 2 * cols + 1; cs = 2; break;
            }
            size = off + (rows - 1) * rs + (cols - 1) * cs + 1 + 4;
        }

        int at(int i, int j) {
            return off + i * rs + j * cs;
        }
    }

    @Provide
    Arbitrary<Integer> dims() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 5, 6, 7, 12, 15, 16, 17, 31, 32, 33, 257),
                Arbitraries.integers().between(1, 300));
    }

    @Provide
    Arbitrary<Float> alphas() {
        return Arbitraries.of(1f, -0.5f, 2.5f);
    }

    @Provide
    Arbitrary<Float> betas() {
        return Arbitraries.of(0f, 1f, 0.75f);
    }

    @Property(tries = 150)
    void sgemmMatchesReference(@ForAll("dims") int m, @ForAll("dims") int n, @ForAll("dims") int k,
                               @ForAll Layout la, @ForAll Layout lb, @ForAll("alphas") float alpha,
                               @ForAll("betas") float beta, @ForAll long seed) {
        checkFloat(m, n, k, la, lb, alpha, beta, seed);
    }

    @Property(tries = 100)
    void sgemmMatrixVectorShapes(@ForAll("dims") int len, @ForAll("dims") int k, @ForAll boolean column,
                                 @ForAll Layout la, @ForAll Layout lb, @ForAll("betas") float beta, @ForAll long seed) {
        if (column) {
            checkFloat(len, 1, k, la, lb, 1.5f, beta, seed);
        } else {
            checkFloat(1, len, k, la, lb, 1.5f, beta, seed);
        }
    }

    @Property(tries = 100)
    void dgemmMatchesReference(@ForAll("dims") int m, @ForAll("dims") int n, @ForAll("dims") int k,
                               @ForAll Layout la, @ForAll Layout lb, @ForAll("alphas") float alpha,
                               @ForAll("betas") float beta, @ForAll long seed) {
        checkDouble(m, n, k, la, lb, alpha, beta, seed);
    }

    @Property(tries = 60)
    void dgemmMatrixVectorShapes(@ForAll("dims") int len, @ForAll("dims") int k, @ForAll boolean column,
                                 @ForAll Layout la, @ForAll Layout lb, @ForAll("betas") float beta, @ForAll long seed) {
        if (column) {
            checkDouble(len, 1, k, la, lb, -1.25, beta, seed);
        } else {
            checkDouble(1, len, k, la, lb, -1.25, beta, seed);
        }
    }

    @Property(tries = 8)
    void largeProductsSplitAcrossThreadsAndBlocks(@ForAll @IntRange(min = 200, max = 420) int m,
                                                  @ForAll @IntRange(min = 200, max = 420) int n,
                                                  @ForAll @IntRange(min = 250, max = 420) int k,
                                                  @ForAll Layout la, @ForAll Layout lb, @ForAll long seed) {
        checkFloat(m, n, k, la, lb, 1f, 0f, seed);
    }

    @Example
    void linearLayerShapesSplitColumnsWhenBIsTransposed() {
        // x @ W^T of a 784-256 Linear layer on a batch of 128: B is column-major, so the tasks split
        // C's columns (each packs its share of B once) rather than rows (each would pack all of B)
        checkFloat(128, 256, 784, Layout.ROW_MAJOR, Layout.TRANSPOSED, 1f, 0f, 11);
        checkFloat(128, 256, 784, Layout.ROW_MAJOR, Layout.TRANSPOSED, 1f, 1f, 12);
        checkFloat(300, 40, 500, Layout.TRANSPOSED, Layout.TRANSPOSED, 1f, 0f, 13);
    }

    @Property(tries = 3)
    void wideProductsCrossTheColumnBlock(@ForAll @IntRange(min = 1, max = 20) int m,
                                         @ForAll @IntRange(min = 2040, max = 2100) int n,
                                         @ForAll @IntRange(min = 100, max = 200) int k,
                                         @ForAll Layout lb, @ForAll long seed) {
        checkFloat(m, n, k, Layout.ROW_MAJOR, lb, 1f, 1f, seed);
    }

    /**
     * The packed path reads a row-major {@code A} in place (alpha 1), packs a column-major one with
     * vector copies and a strided one element by element; {@code B} is packed or (few rows) read in
     * place. All of them must run the same multiply-adds in the same order, so every layout of the
     * same matrices gives the same bits (and so does every thread count).
     */
    @Property(tries = 60)
    void everyOperandLayoutGivesTheSameBits(@ForAll("dims") int m, @ForAll("dims") int n, @ForAll("dims") int k,
                                            @ForAll("betas") float beta, @ForAll long seed) {
        if (m == 1 || n == 1) {
            return; // matrix-vector shapes take the dot or axpy path chosen by the layout
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] av = randomFloats(rnd, m * k);
        float[] bv = randomFloats(rnd, k * n);
        float[] c0 = randomFloats(rnd, m * n);
        float[] reference = null;
        for (Layout la : Layout.values()) {
            for (Layout lb : Layout.values()) {
                Operand oa = new Operand(la, m, k);
                Operand ob = new Operand(lb, k, n);
                float[] a = new float[oa.size];
                float[] b = new float[ob.size];
                for (int i = 0; i < m; i++) {
                    for (int p = 0; p < k; p++) {
                        a[oa.at(i, p)] = av[i * k + p];
                    }
                }
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < n; j++) {
                        b[ob.at(p, j)] = bv[p * n + j];
                    }
                }
                float[] c = c0.clone();
                VECTOR.sgemm(m, n, k, 1f, a, oa.off, oa.rs, oa.cs, b, ob.off, ob.rs, ob.cs, beta, c, 0, n);
                if (reference == null) {
                    reference = c;
                } else {
                    for (int i = 0; i < c.length; i++) {
                        if (Float.floatToRawIntBits(reference[i]) != Float.floatToRawIntBits(c[i])) {
                            fail("C[" + i / n + "," + i % n + "] of " + m + "x" + k + " @ " + k + "x" + n + " (" + la + ", " + lb
                                    + ", beta " + beta + "): " + c[i] + " but " + reference[i] + " with row-major operands");
                        }
                    }
                }
            }
        }
    }

    @Example
    void columnMajorAPackingStopsAtTheEndOfItsArray() {
        // A = g.t() of a 7x6 g stored exactly (no slack after it): the vector copy of the last
        // columns would read past the array, so those are copied element by element
        for (int m : new int[] {6, 12, 13}) {
            for (int k : new int[] {1, 7, 40, 300}) {
                checkFloat(m, 37, k, Layout.TRANSPOSED, Layout.ROW_MAJOR, 1f, 0f, m * 1000L + k);
                checkFloat(m, 37, k, Layout.TRANSPOSED, Layout.TRANSPOSED, -0.5f, 1f, m * 1000L + k + 1);
            }
        }
    }

    private static void checkFloat(int m, int n, int k, Layout la, Layout lb, float alpha, float beta, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Operand oa = new Operand(la, m, k);
        Operand ob = new Operand(lb, k, n);
        float[] a = randomFloats(rnd, oa.size);
        float[] b = randomFloats(rnd, ob.size);
        int ldc = n + 2;
        int cOff = 1;
        float[] c0 = randomFloats(rnd, cOff + m * ldc);
        if (beta == 0) {
            Arrays.fill(c0, Float.NaN); // beta == 0 must not read C
        }
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        SCALAR.sgemm(m, n, k, alpha, a, oa.off, oa.rs, oa.cs, b, ob.off, ob.rs, ob.cs, beta, expected, cOff, ldc);
        VECTOR.sgemm(m, n, k, alpha, a, oa.off, oa.rs, oa.cs, b, ob.off, ob.rs, ob.cs, beta, actual, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double bound = 0;
                for (int p = 0; p < k; p++) {
                    bound += Math.abs((double) a[oa.at(i, p)] * b[ob.at(p, j)]);
                }
                int ci = cOff + i * ldc + j;
                bound = Math.abs(alpha) * bound + (beta == 0 ? 0 : Math.abs(beta * c0[ci]));
                double diff = Math.abs((double) expected[ci] - actual[ci]);
                if (!(diff <= 1e-5 * bound + 1e-30)) {
                    fail("C[" + i + "," + j + "] of " + m + "x" + k + " @ " + k + "x" + n + " (" + la + ", " + lb
                            + ", alpha " + alpha + ", beta " + beta + "): expected " + expected[ci] + " but was " + actual[ci]);
                }
            }
        }
        assertUntouchedOutside(m, n, ldc, cOff, c0, actual);
    }

    private static void checkDouble(int m, int n, int k, Layout la, Layout lb, double alpha, double beta, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Operand oa = new Operand(la, m, k);
        Operand ob = new Operand(lb, k, n);
        double[] a = rnd.doubles(oa.size, -1, 1).toArray();
        double[] b = rnd.doubles(ob.size, -1, 1).toArray();
        int ldc = n + 1;
        int cOff = 2;
        double[] c0 = rnd.doubles(cOff + m * ldc, -1, 1).toArray();
        if (beta == 0) {
            Arrays.fill(c0, Double.NaN);
        }
        double[] expected = c0.clone();
        double[] actual = c0.clone();
        SCALAR.dgemm(m, n, k, alpha, a, oa.off, oa.rs, oa.cs, b, ob.off, ob.rs, ob.cs, beta, expected, cOff, ldc);
        VECTOR.dgemm(m, n, k, alpha, a, oa.off, oa.rs, oa.cs, b, ob.off, ob.rs, ob.cs, beta, actual, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double bound = 0;
                for (int p = 0; p < k; p++) {
                    bound += Math.abs(a[oa.at(i, p)] * b[ob.at(p, j)]);
                }
                int ci = cOff + i * ldc + j;
                bound = Math.abs(alpha) * bound + (beta == 0 ? 0 : Math.abs(beta * c0[ci]));
                double diff = Math.abs(expected[ci] - actual[ci]);
                if (!(diff <= 1e-12 * bound + 1e-300)) {
                    fail("C[" + i + "," + j + "] of " + m + "x" + k + " @ " + k + "x" + n + " (" + la + ", " + lb
                            + "): expected " + expected[ci] + " but was " + actual[ci]);
                }
            }
        }
        for (int i = 0; i < c0.length; i++) {
            int r = (i - cOff) / ldc;
            int col = (i - cOff) % ldc;
            if (i < cOff || r >= m || col >= n) {
                assertEquals(Double.doubleToRawLongBits(c0[i]), Double.doubleToRawLongBits(actual[i]), "C padding at " + i);
            }
        }
    }

    private static void assertUntouchedOutside(int m, int n, int ldc, int cOff, float[] c0, float[] actual) {
        for (int i = 0; i < c0.length; i++) {
            int r = (i - cOff) / ldc;
            int col = (i - cOff) % ldc;
            if (i < cOff || r >= m || col >= n) {
                assertEquals(Float.floatToRawIntBits(c0[i]), Float.floatToRawIntBits(actual[i]), "C padding at " + i);
            }
        }
    }

    private static float[] randomFloats(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    void zeroDepthScalesOrClearsC() {
        float[] c = {Float.NaN, Float.NaN, 3, 4};
        VECTOR.sgemm(1, 2, 0, 1f, new float[0], 0, 0, 1, new float[0], 0, 2, 1, 0f, c, 0, 2);
        VECTOR.sgemm(1, 2, 0, 1f, new float[0], 0, 0, 1, new float[0], 0, 2, 1, 2f, c, 2, 2);
        assertEquals(Arrays.toString(new float[] {0, 0, 6, 8}), Arrays.toString(c));
    }

    @Test
    void nanInOperandsPropagatesEvenAgainstZeros() {
        // PyTorch: torch.mm(nan matrix, zeros) is all NaN; the kernels must not skip zero terms.
        int n = 40;
        float[] a = new float[n * n];
        Arrays.fill(a, Float.NaN);
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        VECTOR.sgemm(n, n, n, 1f, a, 0, n, 1, b, 0, n, 1, 0f, c, 0, n);
        for (float v : c) {
            assertTrue(Float.isNaN(v));
        }
    }

    @Test
    void alphaZeroStillPropagatesNaNLikePyTorch() {
        // libtorch 2.10: torch.addmm(ones, nan, ones, beta=1, alpha=0) is NaN (small and 40x40 alike)
        for (int n : new int[] {2, 40}) {
            float[] a = new float[n * n];
            Arrays.fill(a, Float.NaN);
            float[] b = new float[n * n];
            Arrays.fill(b, 1f);
            float[] c = b.clone();
            VECTOR.sgemm(n, n, n, 0f, a, 0, n, 1, b, 0, n, 1, 1f, c, 0, n);
            assertTrue(Float.isNaN(c[0]) && Float.isNaN(c[n * n - 1]), "n = " + n);
        }
        float[] c = {1, 2, 3, 4};
        float[] ones = {1, 1, 1, 1};
        VECTOR.sgemm(2, 2, 2, 0f, ones, 0, 2, 1, ones, 0, 2, 1, 0.5f, c, 0, 2);
        assertEquals(Arrays.toString(new float[] {0.5f, 1, 1.5f, 2}), Arrays.toString(c));
    }

    @Test
    void int64IsExactAndWrapsLikePyTorch() {
        long[] a = {3_000_000_000L, 3_000_000_000L, 3_000_000_000L, 3_000_000_000L};
        long[] c = new long[4];
        VECTOR.lgemm(2, 2, 2, 1, a, 0, 2, 1, a, 0, 2, 1, 0, c, 0, 2);
        // libtorch 2.10: torch.mm of 2x2 full(3e9) int64 gives -446744073709551616 everywhere
        assertEquals(-446744073709551616L, c[0]);
        assertEquals(-446744073709551616L, c[3]);
    }
}
