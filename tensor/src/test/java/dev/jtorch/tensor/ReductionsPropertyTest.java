package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every reduction over every dim (and a pair of dims, and all dims) of random 0-4-d arrays, keepdim
 * both ways, contiguous or not (permuted and strided views, expanded dims), against a naive
 * reference computed in double from the values grouped by output element. Tolerances: integers,
 * bools, max/min, indices and cumsum exact (cumsum accumulates in double in the same order);
 * float sums {@code 1e-5 * sum|x|} for float32 and {@code 1e-12 * sum|x|} for float64 (the rounding
 * bound of a sum); other float results relative 1e-5 / 1e-12 with the same absolute floor.
 */
class ReductionsPropertyTest {
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};

    static NDArray randomArray(Random r, DType t, int[] shape) {
        int rank = shape.length;
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        boolean permute = rank > 1 && r.nextBoolean();
        if (permute) {
            for (int i = rank - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
        }
        int[] base = new int[rank];
        for (int i = 0; i < rank; i++) {
            base[i] = shape[perm[i]];
        }
        int step = rank > 0 && r.nextInt(3) == 0 ? r.nextInt(rank) : -1;
        if (step >= 0) {
            base[step] *= 2;
        }
        int n = Shapes.numel(base);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = t == DType.BOOL ? r.nextInt(4) == 0 ? 0 : 1 : t == DType.INT64 ? r.nextInt(7) - 3 : r.nextGaussian() * 2;
        }
        NDArray x = NDArray.wrap(v, base).to(t);
        if (step >= 0) {
            x = x.slice(step, 0, base[step], 2);
        }
        int[] inv = new int[rank];
        for (int i = 0; i < rank; i++) {
            inv[perm[i]] = i;
        }
        x = x.permute(inv);
        // sometimes an expanded (stride 0) dim
        if (rank > 0 && r.nextInt(6) == 0) {
            int d = r.nextInt(rank);
            int[] s = x.sizes();
            if (s[d] > 0) {
                int[] e = s.clone();
                x = x.narrow(d, 0, 1).expand(e);
            }
        }
        assertArrayEquals(shape, x.sizes());
        return x;
    }

    /** The values of x grouped by output element of a reduction over {@code mask}: groups[g][k], k in row-major order. */
    static double[][] groups(NDArray x, boolean[] mask) {
        int[] s = x.sizes();
        double[] v = x.toDoubleArray();
        int n = 1;
        int outs = 1;
        for (int d = 0; d < s.length; d++) {
            if (mask[d]) {
                n *= s[d];
            } else {
                outs *= s[d];
            }
        }
        double[][] g = new double[outs][n];
        int[] fill = new int[outs];
        int[] idx = new int[s.length];
        for (double value : v) {
            int o = 0;
            for (int d = 0; d < s.length; d++) {
                if (!mask[d]) {
                    o = o * s[d] + idx[d];
                }
            }
            g[o][fill[o]++] = value;
            for (int d = s.length - 1; d >= 0; d--) {
                if (++idx[d] < s[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return g;
    }

    static double naiveMax(double[] g, boolean max) {
        double m = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : g) {
            if (v != v) {
                return v;
            }
            m = max ? Math.max(m, v) : Math.min(m, v);
        }
        return m;
    }

    static int naiveArg(double[] g, boolean max) {
        int best = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] != g[i]) {
                return i;
            }
            if (max ? g[i] > g[best] : g[i] < g[best]) {
                best = i;
            }
        }
        return best;
    }

    static double absSum(double[] g) {
        double s = 0;
        for (double v : g) {
            s += Math.abs(v);
        }
        return s;
    }

    /** Compares {@code actual} (in the expected dtype and shape) with per-group reference values. */
    static void expect(String what, NDArray actual, DType dtype, int[] shape, double[][] g, ToDoubleFunction<double[]> ref,
            boolean sumLike) {
        expect(what, actual, dtype, shape, g, ref, sumLike ? ReductionsPropertyTest::absSum : v -> 0);
    }

    /**
     * As above, with the error scale of each group given by {@code errorScale} (at least |expected|):
     * sums err in proportion to the sum of magnitudes, variances to the mean square, which is not
     * zero when the variance is (a constant row).
     */
    static void expect(String what, NDArray actual, DType dtype, int[] shape, double[][] g, ToDoubleFunction<double[]> ref,
            ToDoubleFunction<double[]> errorScale) {
        assertEquals(dtype, actual.dtype(), what + ": dtype");
        assertArrayEquals(shape, actual.sizes(), what + ": shape");
        double[] a = actual.toDoubleArray();
        double rtol = dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
        for (int i = 0; i < a.length; i++) {
            double e = ref.applyAsDouble(g[i]);
            if (dtype == DType.FLOAT32) {
                e = (float) e;
            }
            if (e == a[i] || (e != e && a[i] != a[i])) {
                continue;
            }
            double scale = Math.max(errorScale.applyAsDouble(g[i]), Math.abs(e) + 1e-30);
            if (!dtype.isFloatingPoint() || !(Math.abs(a[i] - e) <= rtol * scale)) {
                fail(what + ": element " + i + " expected " + e + " but was " + a[i]);
            }
        }
    }

    @Property(tries = 200)
    void reductionsMatchANaiveReference(@ForAll long seed) {
        Random r = new Random(seed);
        int rank = r.nextInt(5);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(6);
        }
        DType t = DTYPES[r.nextInt(DTYPES.length)];
        NDArray x = randomArray(r, t, shape);
        boolean floating = t.isFloatingPoint();
        DType sumType = floating ? t : DType.INT64;
        for (int variant = -1; variant <= rank; variant++) {
            // -1: all dims; 0..rank-1: one dim (sometimes negative); rank: a pair
            int[] dims = variant < 0 ? new int[0] : variant < rank ? new int[] {r.nextBoolean() ? variant : variant - rank}
                    : rank >= 2 ? new int[] {0, rank - 1} : null;
            if (dims == null || (rank == 0 && variant == 0)) {
                continue;
            }
            boolean[] mask = ReducePlan.dimMask(dims, rank);
            double[][] g = groups(x, mask);
            for (boolean keep : new boolean[] {false, true}) {
                String ctx = t + Arrays.toString(shape) + " strides " + Arrays.toString(x.stride()) + " dims "
                        + Arrays.toString(dims) + " keepdim " + keep;
                int[] out = ReducePlan.outShape(shape, mask, keep);
                expect("sum " + ctx, x.sum(dims, keep), sumType, out, g, v -> Arrays.stream(v).sum(), true);
                expect("any " + ctx, x.any(variant < 0 ? null : dims, keep && variant >= 0), DType.BOOL,
                        variant < 0 ? new int[0] : out, g, v -> Arrays.stream(v).anyMatch(e -> e != 0) ? 1 : 0, false);
                if (floating) {
                    expect("mean " + ctx, x.mean(dims, keep), t, out, g, v -> Arrays.stream(v).sum() / v.length, true);
                    expect("var " + ctx, x.var(dims, 1, keep), t, out, g, ReductionsPropertyTest::variance,
                            ReductionsPropertyTest::meanSquare);
                    expect("logsumexp " + ctx, x.logsumexp(dims.length == 0 ? null : dims, keep), t, out, g,
                            ReductionsPropertyTest::logSumExp, true);
                    for (double p : new double[] {2, 1, 3, 0, Double.POSITIVE_INFINITY}) {
                        if (x.numel() == 0 && p == Double.POSITIVE_INFINITY) {
                            continue;
                        }
                        expect("norm " + p + " " + ctx, x.norm(p, dims, keep), t, out, g, v -> norm(v, p), true);
                    }
                }
                int reduced = 1;
                for (int d = 0; d < rank; d++) {
                    reduced *= mask[d] ? shape[d] : 1;
                }
                boolean emptyReduce = reduced == 0; // max/amax/argmax raise here (errors are in ReductionsTest)
                if (!emptyReduce) {
                    expect("amax " + ctx, x.amax(dims, keep), t, out, g, v -> naiveMax(v, true), false);
                    expect("amin " + ctx, x.amin(dims, keep), t, out, g, v -> naiveMax(v, false), false);
                }
                if (dims.length == 1 && rank > 0) {
                    int d = dims[0];
                    expect("prod " + ctx, x.prod(d, keep), sumType, out, g, v -> Arrays.stream(v).reduce(1, (p, q) -> p * q), false);
                    if (!emptyReduce) {
                        ValuesIndices mx = x.max(d, keep);
                        expect("max values " + ctx, mx.values(), t, out, g, v -> v[naiveArg(v, true)], false);
                        expect("max indices " + ctx, mx.indices(), DType.INT64, out, g, v -> naiveArg(v, true), false);
                        expect("min indices " + ctx, x.min(d, keep).indices(), DType.INT64, out, g, v -> naiveArg(v, false), false);
                        if (t != DType.BOOL) {
                            expect("argmax " + ctx, x.argmax(d, keep), DType.INT64, out, g, v -> naiveArg(v, true), false);
                        }
                    }
                }
            }
            if (dims.length == 1) {
                checkAlongDim(x, dims[0], mask, g);
            }
        }
    }

    /** cumsum, softmax and log-softmax along one dim: same shape as x. */
    private static void checkAlongDim(NDArray x, int dim, boolean[] mask, double[][] g) {
        int[] s = x.sizes();
        String ctx = x.dtype() + Arrays.toString(s) + " dim " + dim;
        NDArray cs = x.cumsum(dim);
        NDArray sm = x.dtype().isFloatingPoint() ? x.softmax(dim) : null;
        NDArray lsm = x.dtype().isFloatingPoint() ? x.logSoftmax(dim) : null;
        assertEquals(x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64, cs.dtype(), "cumsum dtype " + ctx);
        double[] c = cs.toDoubleArray();
        double[] smv = sm == null ? null : sm.toDoubleArray();
        double[] lsmv = lsm == null ? null : lsm.toDoubleArray();
        int[] idx = new int[s.length];
        int[] pos = new int[g.length];
        double[] run = new double[g.length];
        boolean f32 = x.dtype() == DType.FLOAT32;
        for (int i = 0; i < c.length; i++) {
            int o = 0;
            for (int d = 0; d < s.length; d++) {
                if (!mask[d]) {
                    o = o * s[d] + idx[d];
                }
            }
            double v = g[o][pos[o]++];
            run[o] += v;
            double e = f32 ? (float) run[o] : run[o];
            assertEquals(e, c[i], 0, "cumsum " + ctx + " element " + i);
            if (smv != null) {
                double m = naiveMax(g[o], true);
                double se = 0;
                for (double w : g[o]) {
                    se += Math.exp(w - m);
                }
                double tol = f32 ? 2e-6 : 1e-13;
                assertEquals(Math.exp(v - m) / se, smv[i], tol, "softmax " + ctx + " element " + i);
                assertEquals(v - m - Math.log(se), lsmv[i], tol * Math.max(1, Math.abs(lsmv[i])) * 4, "log_softmax " + ctx);
            }
            for (int d = s.length - 1; d >= 0; d--) {
                if (++idx[d] < s[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }

    static double variance(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double mean = v[0] + Arrays.stream(v).map(e -> e - v[0]).sum() / v.length; // exact for constant rows
        double s = 0;
        for (double e : v) {
            s += (e - mean) * (e - mean);
        }
        return s / Math.max(0, v.length - 1);
    }

    static double logSumExp(double[] v) {
        double m = naiveMax(v, true);
        if (Double.isInfinite(m)) {
            m = 0;
        }
        double s = 0;
        for (double e : v) {
            s += Math.exp(e - m);
        }
        return Math.log(s) + m;
    }

    static double norm(double[] v, double p) {
        if (p == Double.POSITIVE_INFINITY) {
            return naiveMax(Arrays.stream(v).map(Math::abs).toArray(), true);
        }
        double s = 0;
        for (double e : v) {
            s += p == 0 ? (e != 0 ? 1 : 0) : Math.pow(Math.abs(e), p);
        }
        return p == 0 ? s : Math.pow(s, 1 / p);
    }

    static double meanSquare(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
