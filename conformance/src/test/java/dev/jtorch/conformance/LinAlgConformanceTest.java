package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * {@code matmul} in every rank case (with broadcast batch dims), {@code mm}, {@code bmm},
 * {@code mv}, {@code dot}, {@code outer} and {@code addmm} against libtorch 2.10 on the same random
 * inputs, including transposed (non-contiguous) operands, size-1 and empty dims. Views are taken
 * on both sides, so libtorch also sees the non-contiguous operand.
 *
 * <p>Tolerance: summation order differs (blocked, FMA; libtorch uses its BLAS), so float results are
 * compared with the GEMM error bound: {@code |jtorch - libtorch| <= rtol * (|A| @ |B|)} elementwise,
 * {@code |A| @ |B|} computed by libtorch, with rtol 1e-5 for float32 and 1e-12 for float64. int64 is
 * exact. dtype and shape must be equal.
 */
class LinAlgConformanceTest {

    /** A jtorch operand and the same values (and the same view) in libtorch. */
    static final class Pair {
        final NDArray j;
        final Tensor t;

        Pair(NDArray j, Tensor t) {
            this.j = j;
            this.t = t;
        }
    }

    private static Pair operand(SplittableRandom rnd, DType d, boolean transposed, int... shape) {
        int[] s = shape.clone();
        boolean tr = transposed && s.length >= 2;
        if (tr) {
            s[s.length - 2] = shape[shape.length - 1];
            s[s.length - 1] = shape[shape.length - 2];
        }
        int n = Arrays.stream(s).reduce(1, (x, y) -> x * y);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = d == DType.INT64 ? rnd.nextInt(-9, 10) : rnd.nextDouble(-1, 1);
        }
        NDArray base = NDArray.wrap(v, s).to(d);
        Tensor tb = Oracle.toTorch(base);
        return tr ? new Pair(base.transpose(-2, -1), tb.transpose(-2, -1)) : new Pair(base, tb);
    }

    /** Compares with libtorch's result; {@code bound} is libtorch's {@code |A| @ |B|}-style bound (null for int64). */
    private static void check(Tensor expectedT, NDArray actual, Tensor boundT, String what) {
        NDArray expected = Oracle.fromTorch(expectedT);
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        if (expected.dtype() == DType.INT64 || expected.dtype() == DType.BOOL) {
            Oracle.assertExact(expected, actual, what);
            return;
        }
        double rtol = expected.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12;
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double[] bound = Oracle.fromTorch(boundT).toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= rtol * bound[i] + Double.MIN_NORMAL)) {
                fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i] + " (bound " + bound[i] + ")");
            }
        }
    }

    private static void checkProduct(Pair a, Pair b, BinaryOperator<Tensor> torchOp, NDArray actual, String what) {
        Tensor expected = torchOp.apply(a.t, b.t);
        Tensor bound = a.j.dtype().isFloatingPoint() ? torchOp.apply(a.t.abs(), b.t.abs()) : null;
        check(expected, actual, bound, what);
    }

    @Provide
    Arbitrary<DType> dtypes() {
        return Arbitraries.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);
    }

    @Property(tries = 200)
    void matmulMatchesLibtorchInEveryRankCase(@ForAll @IntRange(min = 1, max = 4) int rankA,
                                              @ForAll @IntRange(min = 1, max = 4) int rankB,
                                              @ForAll("dtypes") DType d, @ForAll boolean ta, @ForAll boolean tb,
                                              @ForAll long seed) {
        Oracle.require();
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = dim(rnd);
        int k = rnd.nextInt(6) == 0 ? 0 : rnd.nextInt(1, 70);
        int p = dim(rnd);
        int[] batch = new int[Math.max(Math.max(rankA, rankB) - 2, 0)];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(1, 4);
        }
        int[] sa = shape(rnd, rankA, batch, n, k, true);
        int[] sb = shape(rnd, rankB, batch, k, p, false);
        try (PointerScope s = new PointerScope()) {
            Pair a = operand(rnd, d, ta, sa);
            Pair b = operand(rnd, d, tb, sb);
            checkProduct(a, b, torch::matmul, a.j.matmul(b.j),
                    d + " matmul " + Arrays.toString(sa) + (ta ? "^T" : "") + " @ " + Arrays.toString(sb) + (tb ? "^T" : ""));
        }
    }

    private static int dim(SplittableRandom rnd) {
        int r = rnd.nextInt(10);
        return r == 0 ? 0 : r == 1 ? 1 : rnd.nextInt(2, 40);
    }

    /** A shape of {@code rank} whose batch dims broadcast against {@code batch} (some set to 1, some left out). */
    private static int[] shape(SplittableRandom rnd, int rank, int[] batch, int rows, int cols, boolean left) {
        if (rank == 1) {
            return new int[] {left ? cols : rows};
        }
        int[] s = new int[rank];
        for (int i = 0; i < rank - 2; i++) {
            s[i] = rnd.nextInt(3) == 0 ? 1 : batch[i + batch.length - (rank - 2)];
        }
        s[rank - 2] = rows;
        s[rank - 1] = cols;
        return s;
    }

    @Test
    void largeMatmulsMatchLibtorch() {
        Oracle.require();
        SplittableRandom rnd = new SplittableRandom(3);
        int[][][] cases = {{{300, 280}, {280, 310}}, {{4, 70, 300}, {300, 90}}, {{3, 200, 130}, {3, 130, 150}},
            {{1, 513}, {513, 700}}, {{700, 513}, {513, 1}}, {{2049, 40}, {40, 33}}, {{50, 260}, {260, 2100}}};
        int i = 0;
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[][] c : cases) {
                int tr = i++ % 4; // each case once, the transposition cycling through all four combinations
                try (PointerScope s = new PointerScope()) {
                    Pair a = operand(rnd, d, (tr & 1) != 0, c[0]);
                    Pair b = operand(rnd, d, (tr & 2) != 0, c[1]);
                    checkProduct(a, b, torch::matmul, a.j.matmul(b.j),
                            d + " " + Arrays.toString(c[0]) + " @ " + Arrays.toString(c[1]) + " transposed " + tr);
                }
            }
        }
    }

    @Test
    void namedProductsMatchLibtorch() {
        Oracle.require();
        SplittableRandom rnd = new SplittableRandom(9);
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            for (int tr = 0; tr < 4; tr++) {
                boolean t1 = (tr & 1) != 0;
                boolean t2 = (tr & 2) != 0;
                for (int[] nkp : new int[][] {{7, 33, 19}, {0, 5, 3}, {4, 0, 3}, {1, 1, 1}, {65, 129, 40}}) {
                    try (PointerScope s = new PointerScope()) {
                        String what = d + " " + Arrays.toString(nkp) + " transposed " + tr;
                        Pair a = operand(rnd, d, t1, nkp[0], nkp[1]);
                        Pair b = operand(rnd, d, t2, nkp[1], nkp[2]);
                        checkProduct(a, b, torch::mm, a.j.mm(b.j), "mm " + what);
                        Pair ba = operand(rnd, d, t1, 3, nkp[0], nkp[1]);
                        Pair bb = operand(rnd, d, t2, 3, nkp[1], nkp[2]);
                        checkProduct(ba, bb, torch::bmm, ba.j.bmm(bb.j), "bmm " + what);
                        Pair v = operand(rnd, d, false, nkp[1]);
                        checkProduct(a, v, torch::mv, a.j.mv(v.j), "mv " + what);
                        Pair w = operand(rnd, d, false, nkp[1]);
                        checkProduct(v, w, torch::dot, v.j.dot(w.j), "dot " + what);
                        Pair x = operand(rnd, d, false, nkp[2]);
                        checkProduct(v, x, torch::outer, v.j.outer(x.j), "outer " + what);
                    }
                }
            }
        }
    }

    @Test
    void emptyBatchesAndEmptyDepthMatchLibtorch() {
        Oracle.require();
        SplittableRandom rnd = new SplittableRandom(4);
        int[][][] cases = {{{0, 3, 4}, {0, 4, 6}}, {{2, 3, 0}, {2, 0, 6}}, {{3, 5, 0}, {0, 0}}, {{0, 3}, {3, 4}},
            {{2, 0}, {0, 4}}, {{0}, {0}}, {{0, 4}, {4}}, {{2, 0, 3}, {3}}, {{5}, {2, 5, 0}}};
        for (int[][] c : cases) {
            try (PointerScope s = new PointerScope()) {
                Pair a = operand(rnd, DType.FLOAT32, false, c[0]);
                Pair b = operand(rnd, DType.FLOAT32, false, c[1]);
                checkProduct(a, b, torch::matmul, a.j.matmul(b.j), Arrays.toString(c[0]) + " @ " + Arrays.toString(c[1]));
            }
        }
    }

    @Test
    void addmmMatchesLibtorch() {
        Oracle.require();
        SplittableRandom rnd = new SplittableRandom(12);
        double[][] scalars = {{1, 1}, {0.5, 2}, {0, 1}, {-1.5, 0.25}, {0.5, 2.7}, {1.5, -1.7}};
        int[][] inputShapes = {{9, 11}, {11}, {1, 11}, {9, 1}, {}};
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            for (double[] bs : scalars) {
                for (int[] is : inputShapes) {
                    for (int tr = 0; tr < 4; tr++) {
                        try (PointerScope s = new PointerScope()) {
                            Pair in = operand(rnd, d, false, is);
                            Pair m1 = operand(rnd, d, (tr & 1) != 0, 9, 37);
                            Pair m2 = operand(rnd, d, (tr & 2) != 0, 37, 11);
                            String what = d + " addmm input " + Arrays.toString(is) + " beta " + bs[0] + " alpha " + bs[1] + " transposed " + tr;
                            Tensor expected = torch.addmm(in.t, m1.t, m2.t, new Scalar(bs[0]), new Scalar(bs[1]));
                            Tensor bound = d.isFloatingPoint()
                                    ? torch.addmm(in.t.abs(), m1.t.abs(), m2.t.abs(), new Scalar(Math.abs(bs[0])), new Scalar(Math.abs(bs[1])))
                                    : null;
                            check(expected, NDArray.addmm(in.j, m1.j, m2.j, bs[0], bs[1]), bound, what);
                        }
                    }
                }
            }
        }
    }
}
