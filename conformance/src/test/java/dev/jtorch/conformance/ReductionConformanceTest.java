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
}
