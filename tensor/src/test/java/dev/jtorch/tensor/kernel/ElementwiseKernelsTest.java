package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every Vector API elementwise kernel against the scalar reference ({@code new ScalarElementwise()}),
 * float32 and float64, over lengths around the vector width (tails), unit-stride, strided and
 * stride-0 (broadcast) operands, output offsets and special values (NaN, +-inf, +-0).
 *
 * <p>Tolerances: exact (bit for bit, NaN matching NaN) for every op. exp and log (and sigmoid,
 * silu, erf, GELU built on exp) are SLEEF's u10 algorithms in both ({@link SleefMath},
 * {@link VectorSleef}); the other transcendentals (expm1, log10, log1p, sin, cos, tan, tanh, pow,
 * atan2, softplus, elu, tanh-GELU) run the scalar reference on the vector path too, because the
 * Vector API's SVML calls differ from its own interpreted fallback and made results depend on JIT
 * timing.
 */
class ElementwiseKernelsTest {
    private static final ScalarElementwise REF = new ScalarElementwise();
    private static final ElementwiseKernels VEC = Kernels.ELEMENTWISE;

    @Test
    void theVectorKernelsAreInUse() {
        assertTrue(Kernels.VECTORIZED, "surefire runs with --add-modules jdk.incubator.vector");
        assertEquals("VectorElementwise", VEC.getClass().getSimpleName());
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.of(0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100, 257, 600, 1030);
    }

    /** Operand layouts: 0 contiguous, 1 strided (stride 2 or 3), 2 broadcast where the op allows. */
    @Provide
    Arbitrary<Integer> layouts() {
        return Arbitraries.of(0, 0, 1, 2);
    }

    // ---------------------------------------------------------------- data

    private static double value(Random r, double scale) {
        int k = r.nextInt(40);
        switch (k) {
            case 0: return Double.NaN;
            case 1: return Double.POSITIVE_INFINITY;
            case 2: return Double.NEGATIVE_INFINITY;
            case 3: return 0.0;
            case 4: return -0.0;
            case 5: return r.nextInt(7) - 3; // small integers: ties for max/min/compare
            default: return r.nextGaussian() * scale;
        }
    }

    /** A strided operand: {@code n} values starting at {@code off} with stride {@code st} (0: one value). */
    private static double[] operand(Random r, int n, int off, int st, double scale) {
        double[] a = new double[off + Math.max(1, (n - 1) * Math.max(st, 0) + 1) + 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = value(r, scale);
        }
        return a;
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static int strideOf(int layout, Random r) {
        return layout == 0 ? 1 : layout == 1 ? 2 + r.nextInt(2) : 0;
    }

    // ---------------------------------------------------------------- comparisons of results

    private static void check(String what, float[] exp, float[] act, double ulps, float[] x, int xo, int xs,
            int oo, int os, int n, boolean cancels) {
        for (int i = 0; i < exp.length; i++) {
            float e = exp[i];
            float a = act[i];
            if (Float.floatToIntBits(e) == Float.floatToIntBits(a) || (e != e && a != a)) {
                continue;
            }
            boolean inOut = i >= oo && (i - oo) % Math.max(os, 1) == 0 && (i - oo) / Math.max(os, 1) < n;
            if (!inOut) {
                fail(what + ": wrote outside the output at " + i);
            }
            double xi = x == null ? 1 : Math.abs(x[xo + (i - oo) / os * xs]);
            boolean ok = Float.isFinite(e) && Float.isFinite(a) && e != 0
                    && (ulps > 0 && Math.abs((double) e - a) <= ulps * Math.ulp(e)
                    || cancels && Math.abs((double) e - a) <= 2 * Math.ulp(1f) * xi);
            if (!ok) {
                fail(what + ": element " + (i - oo) / os + " expected " + e + " but was " + a
                        + (x == null ? "" : " for x = " + x[xo + (i - oo) / os * xs]));
            }
        }
    }

    private static void check(String what, double[] exp, double[] act, double ulps, double[] x, int xo, int xs,
            int oo, int os, int n, boolean cancels) {
        for (int i = 0; i < exp.length; i++) {
            double e = exp[i];
            double a = act[i];
            if (Double.doubleToLongBits(e) == Double.doubleToLongBits(a) || (e != e && a != a)) {
                continue;
            }
            double xi = x == null ? 1 : Math.abs(x[xo + (i - oo) / os * xs]);
            boolean ok = Double.isFinite(e) && Double.isFinite(a) && e != 0
                    && (ulps > 0 && Math.abs(e - a) <= ulps * Math.ulp(e)
                    || cancels && Math.abs(e - a) <= 2 * Math.ulp(1d) * xi);
            if (!ok) {
                fail(what + ": element " + (i - oo) / os + " expected " + e + " but was " + a
                        + (x == null ? "" : " for x = " + x[xo + (i - oo) / os * xs]));
            }
        }
    }

    // ---------------------------------------------------------------- unary

    /** Parameters for parameterized ops: slope, bounds, beta/threshold, exponent, 10^decimals. */
    private static double[] params(UnaryOp op, Random r) {
        switch (op) {
            case CLAMP: {
                double lo = r.nextGaussian();
                return r.nextInt(5) == 0 ? new double[] {lo, lo - 1} : new double[] {lo, lo + Math.abs(r.nextGaussian())};
            }
            case POW: return new double[] {new double[] {2.5, 0.5, -1.25, 3, 1.7, -2.2}[r.nextInt(6)], 0};
            case SOFTPLUS: return new double[] {new double[] {1, 2, 0.5}[r.nextInt(3)], new double[] {20, 1}[r.nextInt(2)]};
            case LEAKY_RELU: return new double[] {new double[] {0.01, 0.2, -0.5}[r.nextInt(3)], 0};
            case ELU: return new double[] {new double[] {1, 0.5}[r.nextInt(2)], 0};
            case ROUND_DECIMALS: return new double[] {new double[] {10, 100, 1000}[r.nextInt(3)], r.nextInt(2)};
            default: return new double[] {0, 0};
        }
    }

    @Property(tries = 250)
    void unaryMatchesTheScalarReference(@ForAll UnaryOp op, @ForAll("lengths") int n, @ForAll boolean strided,
            @ForAll long seed) {
        Random r = new Random(seed);
        double[] pq = params(op, r);
        int xs = strided ? 2 : 1;
        int os = strided && r.nextBoolean() ? 3 : 1;
        int xo = r.nextInt(3);
        int oo = r.nextInt(3);
        double scale = new double[] {1, 4, 30}[r.nextInt(3)];
        double[] xd = operand(r, n, xo, xs, scale);
        double[] od = new double[oo + Math.max(1, (n - 1) * os + 1) + 2];
        double[] expD = od.clone();
        double[] actD = od.clone();
        REF.unary(op, pq[0], pq[1], xd, xo, xs, expD, oo, os, n);
        VEC.unary(op, pq[0], pq[1], xd, xo, xs, actD, oo, os, n);
        check(op + " float64", expD, actD, 0, xd, xo, xs, oo, os, n, false);

        float[] xf = floats(xd);
        float[] expF = new float[od.length];
        float[] actF = new float[od.length];
        REF.unary(op, pq[0], pq[1], xf, xo, xs, expF, oo, os, n);
        VEC.unary(op, pq[0], pq[1], xf, xo, xs, actF, oo, os, n);
        check(op + " float32", expF, actF, 0, xf, xo, xs, oo, os, n, false);
    }

    @Property(tries = 60)
    void unaryInPlaceMatches(@ForAll UnaryOp op, @ForAll("lengths") int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] pq = params(op, r);
        float[] x = floats(operand(r, n, 0, 1, 3));
        float[] exp = x.clone();
        float[] act = x.clone();
        REF.unary(op, pq[0], pq[1], exp, 0, 1, exp, 0, 1, n);
        VEC.unary(op, pq[0], pq[1], act, 0, 1, act, 0, 1, n);
        check(op + " in place", exp, act, 0, x, 0, 1, 0, 1, n, false);
    }

    // ---------------------------------------------------------------- binary, ternary, compare, where

    private static double param(BinaryOp op, Random r) {
        if (op == BinaryOp.ADD) {
            return new double[] {1, -1, 0.5, -0.001, 3}[r.nextInt(5)];
        }
        return op == BinaryOp.LERP ? new double[] {0.1, 0.5, -0.3, 0.9, 1.5}[r.nextInt(5)] : 1;
    }

    @Property(tries = 250)
    void binaryMatchesTheScalarReference(@ForAll BinaryOp op, @ForAll("lengths") int n, @ForAll("layouts") int la,
            @ForAll("layouts") int lb, @ForAll long seed) {
        Random r = new Random(seed);
        double p = param(op, r);
        int as = strideOf(la, r);
        int bs = strideOf(lb, r);
        int ao = r.nextInt(3);
        int bo = r.nextInt(3);
        int oo = r.nextInt(3);
        double[] ad = operand(r, n, ao, as, 3);
        double[] bd = operand(r, n, bo, bs, 3);
        double[] expD = new double[oo + n + 2];
        double[] actD = expD.clone();
        REF.binary(op, p, ad, ao, as, bd, bo, bs, expD, oo, 1, n);
        VEC.binary(op, p, ad, ao, as, bd, bo, bs, actD, oo, 1, n);
        check(op + " float64", expD, actD, 0, null, 0, 0, oo, 1, n, false);

        float[] af = floats(ad);
        float[] bf = floats(bd);
        float[] expF = new float[oo + n + 2];
        float[] actF = expF.clone();
        REF.binary(op, p, af, ao, as, bf, bo, bs, expF, oo, 1, n);
        VEC.binary(op, p, af, ao, as, bf, bo, bs, actF, oo, 1, n);
        check(op + " float32", expF, actF, 0, null, 0, 0, oo, 1, n, false);
    }

    @Property(tries = 150)
    void ternaryMatchesTheScalarReference(@ForAll TernaryOp op, @ForAll("lengths") int n, @ForAll("layouts") int la,
            @ForAll("layouts") int lb, @ForAll("layouts") int lc, @ForAll long seed) {
        Random r = new Random(seed);
        double p = new double[] {1, -0.001, 0.3, -2}[r.nextInt(4)];
        int as = strideOf(la, r);
        int bs = strideOf(lb, r);
        int cs = strideOf(lc, r);
        double[] ad = operand(r, n, 1, as, 3);
        double[] bd = operand(r, n, 0, bs, 3);
        double[] cd = operand(r, n, 2, cs, op == TernaryOp.LERP ? 0.6 : 3);
        double[] expD = new double[n + 1];
        double[] actD = expD.clone();
        REF.ternary(op, p, ad, 1, as, bd, 0, bs, cd, 2, cs, expD, 1, 1, n);
        VEC.ternary(op, p, ad, 1, as, bd, 0, bs, cd, 2, cs, actD, 1, 1, n);
        check(op + " float64", expD, actD, 0, null, 0, 0, 1, 1, n, false);

        float[] expF = new float[n + 1];
        float[] actF = expF.clone();
        REF.ternary(op, p, floats(ad), 1, as, floats(bd), 0, bs, floats(cd), 2, cs, expF, 1, 1, n);
        VEC.ternary(op, p, floats(ad), 1, as, floats(bd), 0, bs, floats(cd), 2, cs, actF, 1, 1, n);
        check(op + " float32", expF, actF, 0, null, 0, 0, 1, 1, n, false);
    }

    @Property(tries = 150)
    void comparisonsMatchTheScalarReference(@ForAll CompareOp op, @ForAll("lengths") int n, @ForAll("layouts") int la,
            @ForAll("layouts") int lb, @ForAll long seed) {
        Random r = new Random(seed);
        int as = strideOf(la, r);
        int bs = strideOf(lb, r);
        double[] ad = operand(r, n, 0, as, 2);
        double[] bd = operand(r, n, 1, bs, 2);
        byte[] exp = new byte[n + 3];
        byte[] act = new byte[n + 3];
        REF.compare(op, ad, 0, as, bd, 1, bs, exp, 2, 1, n);
        VEC.compare(op, ad, 0, as, bd, 1, bs, act, 2, 1, n);
        assertEquals(java.util.Arrays.toString(exp), java.util.Arrays.toString(act), op + " float64");
        REF.compare(op, floats(ad), 0, as, floats(bd), 1, bs, exp, 2, 1, n);
        VEC.compare(op, floats(ad), 0, as, floats(bd), 1, bs, act, 2, 1, n);
        assertEquals(java.util.Arrays.toString(exp), java.util.Arrays.toString(act), op + " float32");
    }

    @Property(tries = 150)
    void whereMatchesTheScalarReference(@ForAll("lengths") int n, @ForAll("layouts") int lc, @ForAll("layouts") int la,
            @ForAll("layouts") int lb, @ForAll long seed) {
        Random r = new Random(seed);
        int cs = strideOf(lc, r);
        int as = strideOf(la, r);
        int bs = strideOf(lb, r);
        byte[] cond = new byte[2 + Math.max(1, (n - 1) * cs + 1)];
        for (int i = 0; i < cond.length; i++) {
            cond[i] = (byte) r.nextInt(2);
        }
        double[] ad = operand(r, n, 0, as, 2);
        double[] bd = operand(r, n, 0, bs, 2);
        double[] expD = new double[n];
        double[] actD = new double[n];
        REF.where(cond, 1, cs, ad, 0, as, bd, 0, bs, expD, 0, 1, n);
        VEC.where(cond, 1, cs, ad, 0, as, bd, 0, bs, actD, 0, 1, n);
        check("where float64", expD, actD, 0, null, 0, 0, 0, 1, n, false);
        float[] expF = new float[n];
        float[] actF = new float[n];
        REF.where(cond, 1, cs, floats(ad), 0, as, floats(bd), 0, bs, expF, 0, 1, n);
        VEC.where(cond, 1, cs, floats(ad), 0, as, floats(bd), 0, bs, actF, 0, 1, n);
        check("where float32", expF, actF, 0, null, 0, 0, 0, 1, n, false);
    }
}
