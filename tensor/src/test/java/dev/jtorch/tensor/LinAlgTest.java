package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code matmul} in every rank case, and {@code mm}, {@code bmm}, {@code mv}, {@code dot},
 * {@code outer}, {@code addmm}, against a naive reference that applies PyTorch's rules directly
 * (1-d operands as a row / column that is removed again, broadcast batch dims, sums in double);
 * and every error message verbatim, as libtorch 2.10 words it.
 *
 * <p>Tolerance: float32 results are compared with the float64 reference at {@code 1e-5} relative
 * to {@code sum_p |a_ip b_pj|} (summation order differs); float64 at {@code 1e-12}; int64 exactly.
 */
class LinAlgTest {

    // ------------------------------------------------------------------ reference

    /** PyTorch's matmul semantics written out naively, in double (int64: exact in long). */
    static final class Reference {
        final int[] shape;
        final double[] value;
        final double[] bound;
        final long[] exact;

        Reference(NDArray a, NDArray b) {
            NDArray a2 = a.dim() == 1 ? a.unsqueeze(0) : a;
            NDArray b2 = b.dim() == 1 ? b.unsqueeze(1) : b;
            int n = a2.size(-2);
            int k = a2.size(-1);
            int p = b2.size(-1);
            int[] batchA = Arrays.copyOf(a2.sizes(), a2.dim() - 2);
            int[] batchB = Arrays.copyOf(b2.sizes(), b2.dim() - 2);
            int[] batch = Shapes.broadcast(batchA, batchB);
            int count = Shapes.numel(batch) * n * p;
            value = new double[count];
            bound = new double[count];
            exact = new long[count];
            int[] idx = new int[batch.length];
            int o = 0;
            for (int bi = 0; bi < Shapes.numel(batch); bi++) {
                int[] ia = Arrays.copyOf(batchIndex(idx, batchA), batchA.length + 2);
                int[] ib = Arrays.copyOf(batchIndex(idx, batchB), batchB.length + 2);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < p; j++) {
                        double s = 0;
                        double abs = 0;
                        long e = 0;
                        for (int q = 0; q < k; q++) {
                            ia[ia.length - 2] = i;
                            ia[ia.length - 1] = q;
                            ib[ib.length - 2] = q;
                            ib[ib.length - 1] = j;
                            double x = a2.getDouble(ia) * b2.getDouble(ib);
                            s += x;
                            abs += Math.abs(x);
                            if (a.dtype() == DType.INT64) {
                                e += a2.getLong(ia) * b2.getLong(ib);
                            }
                        }
                        value[o] = s;
                        bound[o] = abs;
                        exact[o++] = e;
                    }
                }
                for (int d = batch.length - 1; d >= 0 && ++idx[d] == batch[d]; d--) {
                    idx[d] = 0;
                }
            }
            int[] out = Arrays.copyOf(batch, batch.length + (a.dim() > 1 ? 1 : 0) + (b.dim() > 1 ? 1 : 0));
            if (a.dim() > 1) {
                out[batch.length] = n;
            }
            if (b.dim() > 1) {
                out[out.length - 1] = p;
            }
            shape = out;
        }

        private static int[] batchIndex(int[] idx, int[] sizes) {
            int[] r = new int[sizes.length];
            for (int d = 0; d < sizes.length; d++) {
                int bd = d + idx.length - sizes.length;
                r[d] = sizes[d] == 1 ? 0 : idx[bd];
            }
            return r;
        }

        void check(NDArray actual, DType dtype, String what) {
            assertEquals(dtype, actual.dtype(), what + ": dtype");
            assertArrayEquals(shape, actual.sizes(), what + ": shape");
            if (dtype == DType.INT64) {
                assertArrayEquals(exact, actual.toLongArray(), what);
                return;
            }
            double tol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
            double[] got = actual.toDoubleArray();
            for (int i = 0; i < got.length; i++) {
                if (!(Math.abs(got[i] - value[i]) <= tol * bound[i] + 1e-300)) {
                    fail(what + ": element " + i + " expected " + value[i] + " but was " + got[i]);
                }
            }
        }
    }

    private static NDArray random(SplittableRandom rnd, DType t, int... shape) {
        int n = Shapes.numel(shape);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = t == DType.INT64 ? rnd.nextInt(-5, 6) : rnd.nextDouble(-1, 1);
        }
        return NDArray.wrap(v, shape).to(t);
    }

    /** A random operand of {@code shape}, optionally stored transposed in its last two dims (same values, other strides). */
    private static NDArray operand(SplittableRandom rnd, DType t, boolean transposed, int... shape) {
        if (!transposed || shape.length < 2) {
            return random(rnd, t, shape);
        }
        int[] s = shape.clone();
        int r = s.length;
        s[r - 2] = shape[r - 1];
        s[r - 1] = shape[r - 2];
        return random(rnd, t, s).transpose(-2, -1);
    }

    // ------------------------------------------------------------------ matmul rank cases

    @Test
    void everyRankCaseMatchesTheReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        int[][][] cases = {
            {{5}, {5}}, {{3, 5}, {5}}, {{5}, {5, 4}}, {{3, 5}, {5, 4}},
            {{2, 3, 5}, {5, 4}}, {{2, 3, 5}, {5}}, {{5}, {2, 5, 4}}, {{3, 5}, {2, 5, 4}},
            {{2, 3, 5}, {2, 5, 4}}, {{2, 1, 3, 5}, {4, 5, 2}}, {{1, 3, 5}, {6, 5, 2}},
            {{5}, {2, 2, 5, 3}}, {{2, 2, 3, 5}, {5}}, {{3, 1, 2, 5}, {1, 4, 5, 3}},
            {{0, 3, 5}, {5, 4}}, {{2, 3, 0}, {0, 4}}, {{3, 5, 0}, {0, 0}}, {{0}, {0}}, {{2, 0, 3}, {2, 3, 4}},
            {{40, 70}, {70, 33}}, {{3, 20, 70}, {70, 33}}, {{4, 17, 65}, {4, 65, 19}},
        };
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            for (int[][] c : cases) {
                for (int tr = 0; tr < 4; tr++) {
                    NDArray a = operand(rnd, t, (tr & 1) != 0, c[0]);
                    NDArray b = operand(rnd, t, (tr & 2) != 0, c[1]);
                    String what = t + " " + Arrays.toString(c[0]) + " @ " + Arrays.toString(c[1]) + " transposed " + tr;
                    new Reference(a, b).check(a.matmul(b), t, what);
                }
            }
        }
    }

    @Provide
    Arbitrary<DType> dtypes() {
        return Arbitraries.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);
    }

    @Property(tries = 150)
    void broadcastBatchedMatmulMatchesTheReference(@ForAll @IntRange(min = 1, max = 4) int rankA,
                                                   @ForAll @IntRange(min = 1, max = 4) int rankB,
                                                   @ForAll("dtypes") DType t, @ForAll boolean ta, @ForAll boolean tb,
                                                   @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = rnd.nextInt(0, 6);
        int k = rnd.nextInt(0, 40);
        int p = rnd.nextInt(0, 6);
        int batchRank = Math.max(rankA, rankB) - 2;
        int[] batch = new int[Math.max(batchRank, 0)];
        for (int d = 0; d < batch.length; d++) {
            batch[d] = rnd.nextInt(1, 4);
        }
        int[] sa = shapeFor(rnd, rankA, batch, n, k, true);
        int[] sb = shapeFor(rnd, rankB, batch, k, p, false);
        NDArray a = operand(rnd, t, ta, sa);
        NDArray b = operand(rnd, t, tb, sb);
        new Reference(a, b).check(a.matmul(b), t, t + " " + Arrays.toString(sa) + " @ " + Arrays.toString(sb));
    }

    /** A shape of {@code rank} whose batch dims broadcast against {@code batch} (some set to 1). */
    private static int[] shapeFor(SplittableRandom rnd, int rank, int[] batch, int rows, int cols, boolean left) {
        if (rank == 1) {
            return new int[] {left ? cols : rows};
        }
        int[] s = new int[rank];
        for (int d = 0; d < rank - 2; d++) {
            int bd = d + batch.length - (rank - 2);
            s[d] = rnd.nextInt(3) == 0 ? 1 : batch[bd];
        }
        s[rank - 2] = rows;
        s[rank - 1] = cols;
        return s;
    }

    // ------------------------------------------------------------------ mm, bmm, mv, dot, outer, addmm

    @Test
    void namedProductsMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            NDArray a = operand(rnd, t, true, 37, 50);
            NDArray b = operand(rnd, t, false, 50, 29);
            new Reference(a, b).check(a.mm(b), t, "mm");
            NDArray ba = operand(rnd, t, false, 3, 9, 20);
            NDArray bb = operand(rnd, t, true, 3, 20, 14);
            new Reference(ba, bb).check(ba.bmm(bb), t, "bmm");
            NDArray v = random(rnd, t, 100).slice(0, 0, 100, 2);
            NDArray m = operand(rnd, t, true, 33, 50);
            new Reference(m, v).check(m.mv(v), t, "mv");
            NDArray w = random(rnd, t, 50);
            new Reference(v, w).check(v.dot(w), t, "dot");
        }
    }

    @Test
    void largeVectorProductsMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(5);
        NDArray m = random(rnd, DType.FLOAT32, 600, 700);
        NDArray v = random(rnd, DType.FLOAT32, 700);
        new Reference(m, v).check(m.mv(v), DType.FLOAT32, "mv rows");
        NDArray x = random(rnd, DType.FLOAT32, 600);
        new Reference(m.t(), x).check(m.t().mv(x), DType.FLOAT32, "mv columns");
        new Reference(x, m).check(x.matmul(m), DType.FLOAT32, "vector @ matrix");
        NDArray d = random(rnd, DType.FLOAT64, 5000);
        new Reference(d, d).check(d.dot(d), DType.FLOAT64, "dot");
    }

    @Test
    void outerPromotesLikeMul() {
        NDArray a = NDArray.fromArray(new long[] {1, 2, 3});
        NDArray b = NDArray.of(0.5f, -1f);
        NDArray o = a.outer(b);
        assertEquals(DType.FLOAT32, o.dtype());
        assertArrayEquals(new float[] {0.5f, -1, 1, -2, 1.5f, -3}, o.toFloatArray());
        NDArray bools = NDArray.fromArray(new boolean[] {true, false}).outer(NDArray.fromArray(new boolean[] {true, true}));
        assertEquals(DType.BOOL, bools.dtype());
        assertArrayEquals(new boolean[] {true, true, false, false}, bools.toBooleanArray());
    }

    @Test
    void addmmScalesBroadcastsAndIgnoresInputWhenBetaIsZero() {
        NDArray m1 = NDArray.fromArray(new float[][] {{1, 2}, {3, 4}});
        NDArray m2 = NDArray.fromArray(new float[][] {{1, 0, 1}, {0, 1, 1}});
        NDArray bias = NDArray.of(10, 20, 30);
        assertArrayEquals(new float[] {7, 14, 21, 11, 18, 29}, NDArray.addmm(bias, m1, m2, 0.5, 2).toFloatArray());
        assertArrayEquals(new float[] {11, 22, 33, 13, 24, 37}, NDArray.addmm(bias, m1, m2).toFloatArray());
        NDArray nan = NDArray.full(Float.NaN, 2, 3);
        assertArrayEquals(new float[] {2, 4, 6, 6, 8, 14}, NDArray.addmm(nan, m1, m2, 0, 2).toFloatArray());
        // int64: PyTorch converts beta and alpha to the tensor's type (0.5 -> 0, 2.7 -> 2, -1.7 -> -1)
        NDArray five = NDArray.full(5, DType.INT64, 2, 2);
        assertArrayEquals(new long[] {100, 100, 100, 100}, NDArray.addmm(five, five, five, 0.5, 2.7).toLongArray());
        assertArrayEquals(new long[] {-45, -45, -45, -45}, NDArray.addmm(five, five, five, 1.5, -1.7).toLongArray());
        // alpha == 0 still multiplies (NaN propagates), as in PyTorch
        assertEquals(Float.NaN, NDArray.addmm(NDArray.ones(1, 1), NDArray.full(Float.NaN, 1, 1), NDArray.ones(1, 1), 1, 0).item());
    }

    @Test
    void emptyProductsAreZeroOrEmpty() {
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0}, NDArray.ones(2, 0).matmul(NDArray.ones(0, 4)).toFloatArray());
        assertEquals(0.0, NDArray.ones(0).dot(NDArray.ones(0)).item());
        assertArrayEquals(new int[] {0, 3, 6}, NDArray.ones(0, 3, 4).bmm(NDArray.ones(0, 4, 6)).sizes());
        assertArrayEquals(new int[] {3, 5, 0}, NDArray.ones(3, 5, 0).matmul(NDArray.ones(0, 0)).sizes());
    }

    // ------------------------------------------------------------------ errors, verbatim from libtorch 2.10

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static NDArray f(int... shape) {
        return NDArray.zeros(shape);
    }

    private static NDArray t(DType d, int... shape) {
        return NDArray.zeros(d, shape);
    }

    @Test
    void mmErrors() {
        assertMessage("mat1 and mat2 shapes cannot be multiplied (3x4 and 5x6)", () -> f(3, 4).mm(f(5, 6)));
        assertMessage("self must be a matrix", () -> f(3).mm(f(3, 6)));
        assertMessage("mat2 must be a matrix", () -> f(3, 3).mm(f(3)));
        assertMessage("expected m1 and m2 to have the same dtype, but got: float != double", () -> f(3, 3).mm(t(DType.FLOAT64, 3, 3)));
        assertMessage("expected m1 and m2 to have the same dtype, but got: long int != float", () -> t(DType.INT64, 3, 3).mm(f(3, 3)));
        assertMessage("expected m1 and m2 to have the same dtype, but got: float != bool", () -> f(3, 3).mm(t(DType.BOOL, 3, 3)));
        assertMessage("mat1 and mat2 shapes cannot be multiplied (3x4 and 5x3)", () -> f(3, 4).mm(t(DType.FLOAT64, 5, 3)));
        assertMessage("\"addmm_impl_cpu_\" not implemented for 'Bool'", () -> t(DType.BOOL, 3, 3).mm(t(DType.BOOL, 3, 3)));
    }

    @Test
    void bmmMvDotOuterErrors() {
        assertMessage("batch1 must be a 3D tensor", () -> f(3, 4).bmm(f(2, 4, 3)));
        assertMessage("batch2 must be a 3D tensor", () -> f(2, 3, 4).bmm(f(4, 3)));
        assertMessage("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [3, 5].", () -> f(2, 3, 4).bmm(f(3, 5, 6)));
        assertMessage("expected scalar type Float but found Double", () -> f(2, 3, 4).bmm(t(DType.FLOAT64, 2, 4, 6)));
        assertMessage("expected scalar type Long but found Float", () -> t(DType.INT64, 2, 3, 4).bmm(f(2, 4, 6)));
        assertMessage("\"bmm\" not implemented for 'Bool'", () -> t(DType.BOOL, 2, 3, 4).bmm(t(DType.BOOL, 2, 4, 6)));
        assertMessage("size mismatch, got input (3), mat (3x4), vec (5)", () -> f(3, 4).mv(f(5)));
        assertMessage("size mismatch, got input (3), mat (3x4), vec (5)", () -> f(3, 4).mv(t(DType.FLOAT64, 5)));
        assertMessage("vector + matrix @ vector expected, got 1, 1, 1", () -> f(3).mv(f(3)));
        assertMessage("vector + matrix @ vector expected, got 1, 3, 1", () -> f(2, 3, 4).mv(f(4)));
        assertMessage("vector + matrix @ vector expected, got 1, 2, 2", () -> f(3, 4).mv(f(4, 1)));
        assertMessage("expected scalar type Double but found Float", () -> t(DType.FLOAT64, 3, 4).mv(f(4)));
        assertMessage("\"addmv_impl_cpu\" not implemented for 'Bool'", () -> t(DType.BOOL, 3, 4).mv(t(DType.BOOL, 4)));
        assertMessage("1D tensors expected, but got 2D and 1D tensors", () -> f(3, 3).dot(f(3)));
        assertMessage("1D tensors expected, but got 0D and 0D tensors", () -> f().dot(f()));
        assertMessage("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, "
                + "but got 3 and 4 elements respectively", () -> f(3).dot(f(4)));
        assertMessage("dot : expected both vectors to have same dtype, but found Float and Double", () -> f(3).dot(t(DType.FLOAT64, 4)));
        assertMessage("\"dot\" not implemented for 'Bool'", () -> t(DType.BOOL, 3).dot(t(DType.BOOL, 3)));
        assertMessage("outer: Expected 1-D argument self, but got 2-D", () -> f(3, 2).outer(f(3)));
        assertMessage("outer: Expected 1-D argument vec2, but got 2-D", () -> f(3).outer(f(3, 2)));
        assertMessage("outer: Expected 1-D argument self, but got 0-D", () -> f().outer(f(2)));
    }

    @Test
    void addmmErrors() {
        assertMessage("mat1 must be a matrix, got 1-D tensor", () -> NDArray.addmm(f(3, 3), f(3), f(3, 3)));
        assertMessage("mat2 must be a matrix, got 1-D tensor", () -> NDArray.addmm(f(3, 3), f(3, 3), f(3)));
        assertMessage("mat1 and mat2 shapes cannot be multiplied (3x4 and 5x3)", () -> NDArray.addmm(f(3, 3), f(3, 4), f(5, 3)));
        assertMessage("The expanded size of the tensor (3) must match the existing size (4) at non-singleton dimension 1."
                + "  Target sizes: [2, 3].  Tensor sizes: [4]", () -> NDArray.addmm(f(4), f(2, 3), f(3, 3)));
        assertMessage("self and mat2 must have the same dtype, but got Double and Float", () -> NDArray.addmm(t(DType.FLOAT64, 2, 3), f(2, 3), f(3, 3)));
        assertMessage("mat1 and mat2 must have the same dtype, but got Double and Float", () -> NDArray.addmm(f(2, 3), t(DType.FLOAT64, 3), f(3, 3)));
        assertMessage("\"addmm_impl_cpu_\" not implemented for 'Bool'", () -> NDArray.addmm(t(DType.BOOL, 2, 3), t(DType.BOOL, 2, 3), t(DType.BOOL, 3, 3)));
    }

    @Test
    void matmulErrorsFollowThePathPyTorchTakes() {
        assertMessage("both arguments to matmul need to be at least 1D, but they are 0D and 2D", () -> f().matmul(f(2, 3)));
        assertMessage("both arguments to matmul need to be at least 1D, but they are 1D and 0D", () -> f(2).matmul(f()));
        assertMessage("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, "
                + "but got 3 and 4 elements respectively", () -> f(3).matmul(f(4)));
        assertMessage("size mismatch, got input (2), mat (2x3), vec (4)", () -> f(2, 3).matmul(f(4)));
        assertMessage("mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)", () -> f(3).matmul(f(4, 5)));
        assertMessage("mat1 and mat2 shapes cannot be multiplied (6x4 and 5x6)", () -> f(2, 3, 4).matmul(f(5, 6)));
        assertMessage("size mismatch, got input (6), mat (6x4), vec (5)", () -> f(2, 3, 4).matmul(f(5)));
        NDArray notFoldable = f(3, 2, 4).transpose(0, 1);
        assertMessage("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].", () -> notFoldable.matmul(f(5, 6)));
        assertMessage("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].", () -> notFoldable.matmul(f(5)));
        assertMessage("Expected size for first two dimensions of batch2 tensor to be: [2, 5] but got: [2, 4].", () -> f(5).matmul(f(2, 4, 3)));
        assertMessage("Expected size for first two dimensions of batch2 tensor to be: [2, 5] but got: [2, 4].", () -> f(2, 5).matmul(f(2, 4, 3)));
        assertMessage("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0", () -> f(2, 3, 4).matmul(f(3, 4, 3)));
        assertMessage("The size of tensor a (2) must match the size of tensor b (5) at non-singleton dimension 1", () -> f(2, 2, 3, 4).matmul(f(5, 4, 3)));
        assertMessage("expected m1 and m2 to have the same dtype, but got: float != double", () -> f(2, 3).matmul(t(DType.FLOAT64, 3, 2)));
        assertMessage("dot : expected both vectors to have same dtype, but found Float and Double", () -> f(3).matmul(t(DType.FLOAT64, 3)));
        assertMessage("expected scalar type Float but found Double", () -> f(2, 2, 3).matmul(t(DType.FLOAT64, 2, 3, 2)));
        assertMessage("expected m1 and m2 to have the same dtype, but got: float != double", () -> f(2, 2, 3).matmul(t(DType.FLOAT64, 3, 2)));
        assertMessage("expected scalar type Float but found Double", () -> f(2, 3).matmul(t(DType.FLOAT64, 3)));
        assertMessage("expected scalar type Long but found Float", () -> t(DType.INT64, 2, 3).matmul(f(2, 3, 3)));
        assertMessage("\"addmm_impl_cpu_\" not implemented for 'Bool'", () -> t(DType.BOOL, 2, 3).matmul(t(DType.BOOL, 3, 3)));
    }
}
