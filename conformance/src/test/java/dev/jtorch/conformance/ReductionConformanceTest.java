package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.ValuesIndices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Every reduction and the softmax family against libtorch 2.10 on random shapes of rank 0 to 4
 * (size-1 and empty dims included), contiguous and non-contiguous inputs, every dim and pairs of
 * dims, keepdim both ways, and every dtype. When libtorch raises, jtorch must raise the same message.
 *
 * <p>Tolerances. Indices, integers, bools, max/min values and cumsum (same double accumulation,
 * same order) are exact. Sums are compared as {@code |a - e| <= rtol * (|e| + sum|x|)}: PyTorch and
 * jtorch add in different orders, and the rounding error of a float sum is bounded by a multiple of
 * eps times the sum of the magnitudes, so a result that cancels to near zero is judged against that
 * bound rather than against itself (for inputs of one sign this is plain rtol). rtol is 1e-5 for
 * float32 and 1e-12 for float64. Other float results use rtol with an atol of rtol (log-softmax and
 * logsumexp values near 0 come from cancellation of O(1) terms).
 */
class ReductionConformanceTest {
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};
    private static final double[] NORM_ORDERS = {2, 1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0.5, 3, -1};

    // ------------------------------------------------------------------ inputs

    /** A random array of {@code shape}; non-contiguous (permuted and/or strided view) when asked. */
    static NDArray input(Random r, DType t, int[] shape, boolean positive, boolean contiguous) {
        int rank = shape.length;
        int[] perm = identity(rank);
        int stepDim = -1;
        if (!contiguous && rank > 0) {
            shuffle(r, perm);
            stepDim = r.nextInt(rank);
        }
        // base layout: dims in perm order, the step dim doubled
        int[] baseShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            baseShape[i] = shape[perm[i]] * (perm[i] == stepDim ? 2 : 1);
        }
        NDArray base = NDArray.empty(t, baseShape);
        int n = base.numel();
        switch (t) {
            case FLOAT32: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) value(r, positive);
                }
                base = NDArray.wrap(v, baseShape);
                break;
            }
            case FLOAT64: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = value(r, positive);
                }
                base = NDArray.wrap(v, baseShape);
                break;
            }
            case INT64: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt(7) - (positive ? 0 : 3);
                }
                base = NDArray.wrap(v, baseShape);
                break;
            }
            default: {
                byte[] v = new byte[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (byte) (r.nextInt(4) == 0 ? 0 : 1);
                }
                base = NDArray.wrapBool(v, baseShape);
            }
        }
        int[] inv = new int[rank];
        for (int i = 0; i < rank; i++) {
            inv[perm[i]] = i;
        }
        NDArray x = base.permute(inv);
        if (stepDim >= 0) {
            x = x.slice(stepDim, 0, 2 * shape[stepDim], 2);
        }
        assertArrayEquals(shape, x.sizes());
        return x;
    }

    private static double value(Random r, boolean positive) {
        return positive ? 0.5 + r.nextDouble() : r.nextGaussian() * 2;
    }

    static int[] randomShape(Random r) {
        int rank = r.nextInt(5);
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            int k = r.nextInt(10);
            s[i] = k == 0 ? 0 : k < 3 ? 1 : 1 + r.nextInt(7);
        }
        return s;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static void shuffle(Random r, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Dim lists to try: none, each single dim (as given and negative), and one random pair. */
    static List<int[]> dimLists(Random r, int rank) {
        List<int[]> out = new ArrayList<>();
        int r1 = Math.max(rank, 1);
        for (int d = 0; d < r1; d++) {
            out.add(new int[] {r.nextBoolean() ? d : d - r1});
        }
        if (rank >= 2) {
            int a = r.nextInt(rank);
            int b = (a + 1 + r.nextInt(rank - 1)) % rank;
            out.add(new int[] {a, b - (r.nextBoolean() ? rank : 0)});
        }
        return out;
    }

    static long[] longs(int[] a) {
        return Arrays.stream(a).asLongStream().toArray();
    }

    // ------------------------------------------------------------------ comparison

    enum Tol { EXACT, SUM, CLOSE }

    private static NDArray cachedInput;
    private static Tensor cachedTorch;

    /** Runs both; the same error message, or results equal under {@code tol}. */
    static void check(String what, NDArray x, Function<Tensor, Tensor> torchOp, Function<NDArray, NDArray> op, Tol tol,
            Function<Tensor, Tensor> magnitude) {
        String ctx = what + " on " + x.dtype() + Arrays.toString(x.sizes()) + " strides " + Arrays.toString(x.stride());
        if (cachedInput != x) {
            cachedInput = x;
            cachedTorch = Oracle.toTorch(x);
        }
        Tensor tx = cachedTorch;
        NDArray expected;
        NDArray bound = null;
        try {
            expected = Oracle.fromTorch(torchOp.apply(tx));
            if (tol == Tol.SUM && magnitude != null && x.dtype().isFloatingPoint()) {
                bound = Oracle.fromTorch(magnitude.apply(tx.abs()));
            }
        } catch (RuntimeException e) {
            String msg = torchMessage(e);
            try {
                NDArray got = op.apply(x);
                fail(ctx + ": libtorch raised \"" + msg + "\" but jtorch returned " + got);
            } catch (RuntimeException je) {
                assertEquals(msg, je.getMessage(), ctx + ": error message");
            }
            return;
        }
        NDArray actual;
        try {
            actual = op.apply(x);
        } catch (RuntimeException e) {
            throw new AssertionError(ctx + ": jtorch raised but libtorch returned " + expected, e);
        }
        compare(ctx, expected, actual, tol, bound);
    }

    static String torchMessage(RuntimeException e) {
        String m = e.getMessage();
        int k = m.indexOf("\nException raised from");
        return k >= 0 ? m.substring(0, k) : m;
    }

    static void compare(String ctx, NDArray expected, NDArray actual, Tol tol, NDArray bound) {
        assertEquals(expected.dtype(), actual.dtype(), ctx + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), ctx + ": shape");
        if (tol == Tol.EXACT || !expected.dtype().isFloatingPoint()) {
            Oracle.assertExact(expected, actual, ctx);
            return;
        }
        double rtol = expected.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12;
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double[] b = bound == null ? null : bound.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) && Double.isNaN(a[i]) || e[i] == a[i]) {
                continue;
            }
            double allowed = tol == Tol.SUM && b != null ? rtol * (Math.abs(e[i]) + b[i]) : rtol * (Math.abs(e[i]) + 1);
            if (!(Math.abs(a[i] - e[i]) <= allowed)) {
                fail(ctx + ": element " + i + " expected " + e[i] + " but was " + a[i] + " (allowed " + allowed + ")");
            }
        }
    }

    // ------------------------------------------------------------------ ops

    private static ScalarTypeOptional noDtype() {
        return new ScalarTypeOptional();
    }

    /**
     * Every op, every dim list and keepdim, on one input. Cases where PyTorch raises (a dtype the op
     * rejects, an empty dim without an identity) are left to {@link #errorsMatchLibtorch}: a
     * libtorch exception costs 0.1 to 1 s here, too slow for a property.
     */
    static void checkAllOps(Random r, NDArray x) {
        int rank = x.dim();
        boolean floating = x.dtype().isFloatingPoint();
        boolean bool = x.dtype() == DType.BOOL;
        boolean empty = x.numel() == 0;
        // all-element forms
        check("sum()", x, Tensor::sum, NDArray::sum, Tol.SUM, Tensor::sum);
        check("prod()", x, Tensor::prod, NDArray::prod, Tol.CLOSE, null);
        check("all()", x, t -> torch.all(t), NDArray::all, Tol.EXACT, null);
        check("any()", x, t -> torch.any(t), NDArray::any, Tol.EXACT, null);
        check("all(dim=())", x, t -> torch.all(t, new long[0], false), a -> a.all(new int[0], false), Tol.EXACT, null);
        check("sum(dim=[])", x, t -> t.sum(new long[0], false, noDtype()), a -> a.sum(new int[0], false), Tol.SUM,
                Tensor::sum);
        if (!empty) {
            check("max()", x, t -> torch.max(t), NDArray::max, Tol.EXACT, null);
            check("min()", x, t -> torch.min(t), NDArray::min, Tol.EXACT, null);
            check("amax()", x, t -> torch.amax(t, new long[0], false), a -> a.amax(), Tol.EXACT, null);
            if (!bool) {
                check("argmax()", x, t -> torch.argmax(t), NDArray::argmax, Tol.EXACT, null);
                check("argmin()", x, t -> torch.argmin(t), NDArray::argmin, Tol.EXACT, null);
            }
        }
        if (floating) {
            check("mean()", x, Tensor::mean, NDArray::mean, Tol.SUM, Tensor::mean);
            check("var()", x, t -> torch.var(t), NDArray::var, Tol.CLOSE, null);
            check("std(unbiased=false)", x, t -> torch.std(t, false), a -> a.std(false), Tol.CLOSE, null);
            for (double p : NORM_ORDERS) {
                if (!empty || (p >= 0 && p != Double.POSITIVE_INFINITY)) {
                    check("norm(" + p + ")", x, t -> torch.linalg_vector_norm(t, new Scalar(p), new long[0], false, noDtype()),
                            a -> a.norm(p), Tol.CLOSE, null);
                }
            }
        }
        for (int[] dims : dimLists(r, rank)) {
            long[] ld = longs(dims);
            boolean emptyDim = false;
            for (int d : dims) {
                emptyDim |= rank > 0 && x.size(d) == 0;
            }
            for (boolean keep : new boolean[] {false, true}) {
                String s = Arrays.toString(dims) + ", keepdim=" + keep;
                check("sum(" + s + ")", x, t -> t.sum(ld, keep, noDtype()), a -> a.sum(dims, keep), Tol.SUM,
                        m -> m.sum(ld, keep, noDtype()));
                check("logsumexp(" + s + ")", x, t -> torch.logsumexp(t, ld, keep), a -> a.logsumexp(dims, keep), Tol.CLOSE, null);
                check("all(" + s + ")", x, t -> torch.all(t, ld, keep), a -> a.all(dims, keep), Tol.EXACT, null);
                check("any(" + s + ")", x, t -> torch.any(t, ld, keep), a -> a.any(dims, keep), Tol.EXACT, null);
                if (!emptyDim) {
                    check("amax(" + s + ")", x, t -> torch.amax(t, ld, keep), a -> a.amax(dims, keep), Tol.EXACT, null);
                    check("amin(" + s + ")", x, t -> torch.amin(t, ld, keep), a -> a.amin(dims, keep), Tol.EXACT, null);
                }
                if (floating) {
                    check("mean(" + s + ")", x, t -> t.mean(ld, keep, noDtype()), a -> a.mean(dims, keep), Tol.SUM,
                            m -> m.mean(ld, keep, noDtype()));
                    check("var(" + s + ", correction=0)", x,
                            t -> torch.var(t, ld, new ScalarOptional(new Scalar(0)), keep), a -> a.var(dims, 0, keep), Tol.CLOSE, null);
                    check("std(" + s + ", correction=1)", x,
                            t -> torch.std(t, ld, new ScalarOptional(new Scalar(1)), keep), a -> a.std(dims, 1, keep), Tol.CLOSE, null);
                    for (double p : new double[] {2, 1, Double.POSITIVE_INFINITY, 0, 3}) {
                        if (!emptyDim || p != Double.POSITIVE_INFINITY) {
                            check("norm(" + p + ", " + s + ")", x,
                                    t -> torch.linalg_vector_norm(t, new Scalar(p), ld, keep, noDtype()),
                                    a -> a.norm(p, dims, keep), Tol.CLOSE, null);
                        }
                    }
                }
                if (dims.length != 1) {
                    continue;
                }
                int d = dims[0];
                check("prod(" + s + ")", x, t -> t.prod(d, keep, noDtype()), a -> a.prod(d, keep), Tol.CLOSE, null);
                if (emptyDim) {
                    continue;
                }
                if (!bool) {
                    check("argmax(" + s + ")", x, t -> torch.argmax(t, new LongOptional(d), keep), a -> a.argmax(d, keep),
                            Tol.EXACT, null);
                    check("argmin(" + s + ")", x, t -> torch.argmin(t, new LongOptional(d), keep), a -> a.argmin(d, keep),
                            Tol.EXACT, null);
                }
                check("max(" + s + ").values", x, t -> torch.max(t, d, keep).get0(), a -> a.max(d, keep).values(), Tol.EXACT, null);
                check("max(" + s + ").indices", x, t -> torch.max(t, d, keep).get1(), a -> a.max(d, keep).indices(), Tol.EXACT, null);
                check("min(" + s + ").values", x, t -> torch.min(t, d, keep).get0(), a -> a.min(d, keep).values(), Tol.EXACT, null);
                check("min(" + s + ").indices", x, t -> torch.min(t, d, keep).get1(), a -> a.min(d, keep).indices(), Tol.EXACT, null);
            }
            if (dims.length == 1) {
                int d = dims[0];
                check("cumsum(" + d + ")", x, t -> torch.cumsum(t, d), a -> a.cumsum(d), Tol.EXACT, null);
                check("cumprod(" + d + ")", x, t -> torch.cumprod(t, d), a -> a.cumprod(d), Tol.CLOSE, null);
                if (floating || empty) {
                    check("softmax(" + d + ")", x, t -> torch.softmax(t, d), a -> a.softmax(d), Tol.CLOSE, null);
                    check("log_softmax(" + d + ")", x, t -> torch.log_softmax(t, d), a -> a.logSoftmax(d), Tol.CLOSE, null);
                }
            }
        }
    }

    @Property(tries = 80)
    void everyOpMatchesLibtorchOnRandomShapes(@ForAll long seed) {
        Oracle.require();
        Random r = new Random(seed);
        try (PointerScope s = new PointerScope()) {
            int[] shape = randomShape(r);
            DType t = DTYPES[r.nextInt(DTYPES.length)];
            checkAllOps(r, input(r, t, shape, r.nextInt(3) == 0, r.nextBoolean()));
        }
    }

    // ------------------------------------------------------------------ errors, NaN, large shapes

    private static NDArray floats(float... v) {
        return NDArray.wrap(v, v.length);
    }

    /** Every error PyTorch raises here, message for message (one libtorch call each: exceptions are slow). */
    @Test
    void errorsMatchLibtorch() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            NDArray f23 = NDArray.arange(0, 6, 1, DType.FLOAT32).view(2, 3);
            NDArray l23 = NDArray.arange(6).view(2, 3);
            NDArray b23 = NDArray.fromArray(new boolean[][] {{true, false, true}, {true, true, true}});
            NDArray e = NDArray.zeros(0);
            NDArray e03 = NDArray.zeros(0, 3);
            NDArray e3d = NDArray.zeros(2, 0, 3);
            check("sum dup", f23, t -> t.sum(new long[] {1, -1}, false, noDtype()), a -> a.sum(1, -1), Tol.EXACT, null);
            check("sum range", f23, t -> t.sum(new long[] {2}, false, noDtype()), a -> a.sum(2), Tol.EXACT, null);
            check("amax dup", f23, t -> torch.amax(t, new long[] {0, 0}, false), a -> a.amax(0, 0), Tol.EXACT, null);
            check("logsumexp dup", f23, t -> torch.logsumexp(t, new long[] {0, -2}, false), a -> a.logsumexp(0, -2), Tol.EXACT, null);
            check("var dup", f23, t -> torch.var(t, new long[] {1, 1}, new ScalarOptional(new Scalar(1)), false),
                    a -> a.var(new int[] {1, 1}, 1, false), Tol.EXACT, null);
            check("all dup", f23, t -> torch.all(t, new long[] {0, 0}, false), a -> a.all(new int[] {0, 0}, false), Tol.EXACT, null);
            check("mean long", l23, Tensor::mean, NDArray::mean, Tol.EXACT, null);
            check("mean bool dim", b23, t -> t.mean(new long[] {0}, false, noDtype()), a -> a.mean(0), Tol.EXACT, null);
            check("max empty", e, t -> torch.max(t), NDArray::max, Tol.EXACT, null);
            check("min empty", e, t -> torch.min(t), NDArray::min, Tol.EXACT, null);
            check("amax empty", e, t -> torch.amax(t, new long[0], false), a -> a.amax(), Tol.EXACT, null);
            check("amin dim 0 of [0, 3]", e03, t -> torch.amin(t, new long[] {-2}, false), a -> a.amin(-2), Tol.EXACT, null);
            check("amax dims [2, -2] of [2, 0, 3]", e3d, t -> torch.amax(t, new long[] {2, -2}, false), a -> a.amax(2, -2),
                    Tol.EXACT, null);
            check("max dim 0 of [0, 3]", e03, t -> torch.max(t, -2, false).get0(), a -> a.max(-2).values(), Tol.EXACT, null);
            check("argmax empty", e, t -> torch.argmax(t), NDArray::argmax, Tol.EXACT, null);
            check("argmin dim 0 of [0, 3]", e03, t -> torch.argmin(t, new LongOptional(0), false), a -> a.argmin(0), Tol.EXACT, null);
            check("argmax bool", b23, t -> torch.argmax(t, new LongOptional(1), false), a -> a.argmax(1), Tol.EXACT, null);
            check("argmin bool", b23, t -> torch.argmin(t), NDArray::argmin, Tol.EXACT, null);
            check("softmax long", l23, t -> torch.softmax(t, -1), a -> a.softmax(-1), Tol.EXACT, null);
            check("softmax long dim 0", l23, t -> torch.softmax(t, 0), a -> a.softmax(0), Tol.EXACT, null);
            check("log_softmax long", l23, t -> torch.log_softmax(t, 1), a -> a.logSoftmax(1), Tol.EXACT, null);
            check("log_softmax bool dim 0", b23, t -> torch.log_softmax(t, 0), a -> a.logSoftmax(0), Tol.EXACT, null);
            check("softmax 0-d long", NDArray.scalar(3, DType.INT64), t -> torch.softmax(t, 0), a -> a.softmax(0), Tol.EXACT, null);
            check("softmax range", f23, t -> torch.softmax(t, -3), a -> a.softmax(-3), Tol.EXACT, null);
            check("var long", l23, t -> torch.var(t), NDArray::var, Tol.EXACT, null);
            check("std long dim", l23, t -> torch.std(t, new long[] {0}, new ScalarOptional(new Scalar(1)), false),
                    a -> a.std(0), Tol.EXACT, null);
            check("norm long", l23, t -> torch.linalg_vector_norm(t, new Scalar(2.0), new long[0], false, noDtype()),
                    a -> a.norm(), Tol.EXACT, null);
            check("norm inf empty", e, t -> torch.linalg_vector_norm(t, new Scalar(Double.POSITIVE_INFINITY), new long[0], false,
                    noDtype()), a -> a.norm(Double.POSITIVE_INFINITY), Tol.EXACT, null);
            check("norm -1 empty", e, t -> torch.linalg_vector_norm(t, new Scalar(-1.0), new long[0], false, noDtype()),
                    a -> a.norm(-1), Tol.EXACT, null);
            check("norm -inf dim -2 of [0, 3]", e03, t -> torch.linalg_vector_norm(t, new Scalar(Double.NEGATIVE_INFINITY),
                    new long[] {-2}, false, noDtype()), a -> a.norm(Double.NEGATIVE_INFINITY, -2), Tol.EXACT, null);
            check("norm fro 3 dims", NDArray.zeros(2, 2, 2), t -> torch.linalg_matrix_norm(t, "fro", new long[] {0, 1, 2}, false,
                    noDtype()), a -> a.norm("fro", new int[] {0, 1, 2}, false), Tol.EXACT, null);
            check("logsumexp dim=()", f23, t -> torch.logsumexp(t, new long[0], false), a -> a.logsumexp(), Tol.EXACT, null);
            check("cumsum range", NDArray.scalar(1), t -> torch.cumsum(t, 1), a -> a.cumsum(1), Tol.EXACT, null);
            check("prod range", f23, t -> t.prod(2, false, noDtype()), a -> a.prod(2), Tol.EXACT, null);
        }
    }

    /** NaN and infinities: max/min/argmax take the first NaN, logsumexp and softmax follow PyTorch's special cases. */
    @Test
    void nanAndInfinitiesFollowLibtorch() {
        Oracle.require();
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        try (PointerScope s = new PointerScope()) {
            NDArray x = NDArray.fromArray(new float[][] {{-inf, -inf, 1}, {inf, 1, 2}, {inf, -inf, 0}, {nan, 1, nan},
                    {3, inf, nan}, {0, -0f, 0}, {-0f, 0, -0f}, {2, 2, 1}});
            for (NDArray a : new NDArray[] {x, x.to(DType.FLOAT64), x.t().contiguous().t()}) {
                for (int d : new int[] {0, 1}) {
                    check("max values", a, t -> torch.max(t, d, false).get0(), b -> b.max(d).values(), Tol.EXACT, null);
                    check("max indices", a, t -> torch.max(t, d, false).get1(), b -> b.max(d).indices(), Tol.EXACT, null);
                    check("min indices", a, t -> torch.min(t, d, false).get1(), b -> b.min(d).indices(), Tol.EXACT, null);
                    check("argmax", a, t -> torch.argmax(t, new LongOptional(d), false), b -> b.argmax(d), Tol.EXACT, null);
                    check("argmin", a, t -> torch.argmin(t, new LongOptional(d), false), b -> b.argmin(d), Tol.EXACT, null);
                    check("amax", a, t -> torch.amax(t, new long[] {d}, false), b -> b.amax(d), Tol.EXACT, null);
                    check("amin", a, t -> torch.amin(t, new long[] {d}, false), b -> b.amin(d), Tol.EXACT, null);
                    check("sum", a, t -> t.sum(new long[] {d}, false, noDtype()), b -> b.sum(d), Tol.EXACT, null);
                    check("logsumexp", a, t -> torch.logsumexp(t, new long[] {d}, false), b -> b.logsumexp(d), Tol.CLOSE, null);
                    check("softmax", a, t -> torch.softmax(t, d), b -> b.softmax(d), Tol.CLOSE, null);
                    check("log_softmax", a, t -> torch.log_softmax(t, d), b -> b.logSoftmax(d), Tol.CLOSE, null);
                    check("cumsum", a, t -> torch.cumsum(t, d), b -> b.cumsum(d), Tol.EXACT, null);
                    for (double p : NORM_ORDERS) {
                        check("norm " + p, a, t -> torch.linalg_vector_norm(t, new Scalar(p), new long[] {d}, false, noDtype()),
                                b -> b.norm(p, d), Tol.CLOSE, null);
                    }
                    check("any", a, t -> torch.any(t, new long[] {d}, false), b -> b.any(d), Tol.EXACT, null);
                    check("all", a, t -> torch.all(t, new long[] {d}, false), b -> b.all(d), Tol.EXACT, null);
                }
                check("max all", a, t -> torch.max(t), NDArray::max, Tol.EXACT, null);
                check("argmax all", a, t -> torch.argmax(t), NDArray::argmax, Tol.EXACT, null);
                check("argmin all", a, t -> torch.argmin(t), NDArray::argmin, Tol.EXACT, null);
            }
            // long rows: the SIMD paths, with the NaN or extremum late in the row
            NDArray big = NDArray.arange(0, 300, 1, DType.FLOAT32).view(3, 100);
            big.set(nan, 1, 77);
            big.set(500, 2, 3);
            big.set(500, 2, 90);
            check("argmax long rows", big, t -> torch.argmax(t, new LongOptional(1), false), b -> b.argmax(1), Tol.EXACT, null);
            check("argmin long rows", big, t -> torch.argmin(t, new LongOptional(1), false), b -> b.argmin(1), Tol.EXACT, null);
            check("amax long rows", big, t -> torch.amax(t, new long[] {1}, false), b -> b.amax(1), Tol.EXACT, null);
            check("logsumexp long rows", big, t -> torch.logsumexp(t, new long[] {1}, false), b -> b.logsumexp(1), Tol.CLOSE, null);
        }
    }

    /**
     * Shapes large enough for the SIMD row kernels, the cascade's carries (a float32 row of at least
     * 4 * 16 * 16 = 1024 elements with 16 lanes) and the chunked column blocks, every dim, contiguous
     * and not. Positive inputs, so sums cannot cancel and plain rtol 1e-5 (float32) applies.
     */
    @Property(tries = 8)
    void largeReductionsStayWithinRtol(@ForAll long seed) {
        Oracle.require();
        Random r = new Random(seed);
        int[][] shapes = {{1 + r.nextInt(200_000)}, {1 + r.nextInt(700), 1 + r.nextInt(700)},
                {1 + r.nextInt(40), 1 + r.nextInt(60), 1 + r.nextInt(60)}, {3, 2500 + r.nextInt(2000), 2}};
        int[] shape = shapes[r.nextInt(shapes.length)];
        DType t = r.nextInt(3) == 0 ? DType.FLOAT64 : DType.FLOAT32;
        try (PointerScope s = new PointerScope()) {
            NDArray x = input(r, t, shape, true, r.nextBoolean());
            check("sum()", x, Tensor::sum, NDArray::sum, Tol.CLOSE, null);
            check("var()", x, t2 -> torch.var(t2), NDArray::var, Tol.CLOSE, null);
            for (int d = 0; d < shape.length; d++) {
                int dd = d;
                long[] ld = {d};
                check("sum(" + d + ")", x, tx -> tx.sum(ld, false, noDtype()), a -> a.sum(dd), Tol.CLOSE, null);
                check("mean(" + d + ")", x, tx -> tx.mean(ld, true, noDtype()), a -> a.mean(dd, true), Tol.CLOSE, null);
                check("var(" + d + ")", x, tx -> torch.var(tx, ld, new ScalarOptional(new Scalar(1)), false), a -> a.var(dd),
                        Tol.CLOSE, null);
                check("norm(" + d + ")", x, tx -> torch.linalg_vector_norm(tx, new Scalar(2.0), ld, false, noDtype()),
                        a -> a.norm(2, dd), Tol.CLOSE, null);
                check("norm1(" + d + ")", x, tx -> torch.linalg_vector_norm(tx, new Scalar(1.0), ld, false, noDtype()),
                        a -> a.norm(1, dd), Tol.CLOSE, null);
                check("logsumexp(" + d + ")", x, tx -> torch.logsumexp(tx, ld, false), a -> a.logsumexp(dd), Tol.CLOSE, null);
                check("amax(" + d + ")", x, tx -> torch.amax(tx, ld, false), a -> a.amax(dd), Tol.EXACT, null);
                check("argmin(" + d + ")", x, tx -> torch.argmin(tx, new LongOptional(dd), false), a -> a.argmin(dd), Tol.EXACT, null);
                check("softmax(" + d + ")", x, tx -> torch.softmax(tx, dd), a -> a.softmax(dd), Tol.CLOSE, null);
                check("log_softmax(" + d + ")", x, tx -> torch.log_softmax(tx, dd), a -> a.logSoftmax(dd), Tol.CLOSE, null);
                check("cumsum(" + d + ")", x, tx -> torch.cumsum(tx, dd), a -> a.cumsum(dd), Tol.EXACT, null);
            }
        }
    }

    /**
     * Sums follow PyTorch's cascade in PyTorch's order (the AVX2 lane count libtorch's sum kernel
     * uses, the 4 interleaved cascades, the column blocks), so on contiguous inputs below libtorch's
     * parallel grain (32768 elements, above which its threads split the sum) the results are
     * bit-identical: sum and mean over all elements and over each dim.
     */
    @Property(tries = 40)
    void contiguousSumsAreBitIdenticalToLibtorch(@ForAll long seed) {
        Oracle.require();
        Random r = new Random(seed);
        int rank = 1 + r.nextInt(3);
        int[] shape = new int[rank];
        int budget = 32767;
        for (int i = 0; i < rank; i++) {
            shape[i] = 1 + r.nextInt(Math.max(1, Math.min(budget, i == rank - 1 ? 5000 : 120)));
            budget /= shape[i];
        }
        DType t = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        try (PointerScope s = new PointerScope()) {
            NDArray x = input(r, t, shape, r.nextBoolean(), true);
            check("sum()", x, Tensor::sum, NDArray::sum, Tol.EXACT, null);
            check("mean()", x, Tensor::mean, NDArray::mean, Tol.EXACT, null);
            for (int d = 0; d < rank; d++) {
                int dd = d;
                long[] ld = {d};
                check("sum(" + d + ")", x, tx -> tx.sum(ld, false, noDtype()), a -> a.sum(dd), Tol.EXACT, null);
                check("mean(" + d + ")", x, tx -> tx.mean(ld, false, noDtype()), a -> a.mean(dd), Tol.EXACT, null);
            }
        }
    }
}
