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
 * The Vector API kernels against the scalar reference on rows around the vector widths (tails),
 * long rows (the cascade's carries into levels 2 and 3), strides 1, 2, 3 and 0 (a broadcast row),
 * column blocks around the chunk size, and NaN / infinity injected. Sums (rows and columns) and
 * column blocks must be bit-identical (same order by design); arg max/min exact; other float
 * results within a few ulp-scaled tolerances named at each check.
 */
class ReductionKernelsTest {
    private static final ScalarReduction REF = new ScalarReduction();
    private static final ReductionKernels VEC = VectorReduction.create();

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.of(0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127,
                        255, 257, 511, 512, 513, 1023, 1024, 1025, 2049, 4097, 8193)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 3000)),
                // carries into cascade levels 2 (8192 floats) and 3 (131072 floats)
                net.jqwik.api.Tuple.of(1, Arbitraries.of(70_000, 140_000)));
    }

    /** Random values of a few magnitudes, with NaN/inf/-inf/±0 sprinkled in when {@code specials}. */
    static double[] values(Random r, int n, boolean specials) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * (r.nextInt(4) == 0 ? 100 : 1);
            if (specials && r.nextInt(50) == 0) {
                double[] sp = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0};
                v[i] = sp[r.nextInt(sp.length)];
            }
        }
        return v;
    }

    static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Equal as numbers (±0 equal, NaN equals NaN). */
    static boolean same(double a, double b) {
        return a == b || (a != a && b != b);
    }

    static void assertSame(double expected, double actual, String what) {
        if (!same(expected, actual)) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void assertBits(double expected, double actual, String what) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual) && !(expected == 0 && actual == 0)) {
            fail(what + ": expected " + expected + " but was " + actual + " (bit-identical required)");
        }
    }

    /** |a - e| <= tol * scale, or both the same special value. */
    static void assertNear(double expected, double actual, double tol, double scale, String what) {
        if (same(expected, actual)) {
            return;
        }
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)
                || !(Math.abs(expected - actual) <= tol * scale)) {
            fail(what + ": expected " + expected + " but was " + actual + " (tolerance " + tol * scale + ")");
        }
    }

    static double absSum(double[] v, int off, int stride, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(v[off + i * stride]);
        }
        return s;
    }

    // ------------------------------------------------------------------ rows

    @Property(tries = 35)
    void rowReductionsMatchTheReference(@ForAll("lengths") int n, @ForAll long seed) {
        Random r = new Random(seed);
        int stride = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : r.nextInt(8) == 0 ? 0 : 1;
        int off = r.nextInt(3);
        boolean specials = r.nextInt(3) == 0;
        double[] d = values(r, off + Math.max(1, n) * Math.max(1, stride), specials);
        float[] f = floats(d);
        double[] fd = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            fd[i] = f[i];
        }
        String ctx = "n=" + n + " stride=" + stride + " off=" + off;
        for (ReduceOp op : ReduceOp.values()) {
            float rf = REF.reduce(op, f, off, stride, n);
            float vf = VEC.reduce(op, f, off, stride, n);
            double rd = REF.reduce(op, d, off, stride, n);
            double vd = VEC.reduce(op, d, off, stride, n);
            switch (op) {
                case SUM:
                    assertBits(rf, vf, ctx + " float " + op);
                    assertBits(rd, vd, ctx + " double " + op);
                    break;
                case MAX: case MIN: case ABS_MAX: case ABS_MIN:
                    assertSame(rf, vf, ctx + " float " + op);
                    assertSame(rd, vd, ctx + " double " + op);
                    break;
                case PROD:
                    // the order differs: relative error up to ~n ulp, also near underflow
                    if (!same(rf, vf)) {
                        assertNear(rf, vf, n * 1.2e-7, Math.max(Math.abs(rf), Float.MIN_NORMAL), ctx + " float " + op);
                    }
                    if (!same(rd, vd)) {
                        assertNear(rd, vd, n * 2.3e-16, Math.max(Math.abs(rd), Double.MIN_NORMAL), ctx + " double " + op);
                    }
                    break;
                default: {
                    // sums of |x| or x^2 in another order: error bounded by ~n eps times the sum of magnitudes
                    double scale = op == ReduceOp.SQUARE_SUM ? Math.abs(rd) : absSum(d, off, stride, n);
                    double scaleF = op == ReduceOp.SQUARE_SUM ? Math.abs(rf) : absSum(fd, off, stride, n);
                    assertNear(rf, vf, Math.max(n, 1) * 1.2e-7, scaleF, ctx + " float " + op);
                    assertNear(rd, vd, Math.max(n, 1) * 2.3e-16, scale, ctx + " double " + op);
                }
            }
        }
        if (n > 0) {
            assertEquals(REF.argMax(f, off, stride, n), VEC.argMax(f, off, stride, n), ctx + " float argMax");
            assertEquals(REF.argMin(f, off, stride, n), VEC.argMin(f, off, stride, n), ctx + " float argMin");
            assertEquals(REF.argMax(d, off, stride, n), VEC.argMax(d, off, stride, n), ctx + " double argMax");
            assertEquals(REF.argMin(d, off, stride, n), VEC.argMin(d, off, stride, n), ctx + " double argMin");
            double c = f[off];
            double dev = REF.sumDeviations(f, off, stride, n, c);
            assertNear(dev, VEC.sumDeviations(f, off, stride, n, c), n * 2.3e-16, absSum(fd, off, stride, n) + n * Math.abs(c),
                    ctx + " float sumDeviations");
            double devD = REF.sumDeviations(d, off, stride, n, d[off]);
            assertNear(devD, VEC.sumDeviations(d, off, stride, n, d[off]), n * 2.3e-16,
                    absSum(d, off, stride, n) + n * Math.abs(d[off]), ctx + " double sumDeviations");
            double mean = c + dev / n;
            double ssd = REF.sumSquaredDeviations(f, off, stride, n, mean);
            assertNear(ssd, VEC.sumSquaredDeviations(f, off, stride, n, mean), n * 2.3e-16, Math.abs(ssd),
                    ctx + " float sumSquaredDeviations");
            double ssdD = REF.sumSquaredDeviations(d, off, stride, n, mean);
            assertNear(ssdD, VEC.sumSquaredDeviations(d, off, stride, n, mean), n * 2.3e-16, Math.abs(ssdD),
                    ctx + " double sumSquaredDeviations");
            // same exp/log bits (SLEEF ports); the vector sum uses 4 accumulators, the reference one
            float lf = REF.logSumExp(f, off, stride, n);
            assertNear(lf, VEC.logSumExp(f, off, stride, n), 1e-6, Math.max(1, Math.abs(lf)), ctx + " float logSumExp");
            double ld = REF.logSumExp(d, off, stride, n);
            assertNear(ld, VEC.logSumExp(d, off, stride, n), 1e-14, Math.max(1, Math.abs(ld)), ctx + " double logSumExp");
        }
    }

    @Property(tries = 50)
    void integerRowsAndColumnsAreExact(@ForAll("lengths") int n, @ForAll long seed) {
        Random r = new Random(seed);
        long[] x = new long[n + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(2001) - 1000;
        }
        for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.PROD, ReduceOp.MAX, ReduceOp.MIN}) {
            long naive = op == ReduceOp.PROD ? 1 : op == ReduceOp.MAX ? Long.MIN_VALUE : op == ReduceOp.MIN ? Long.MAX_VALUE : 0;
            for (int i = 0; i < n; i++) {
                long v = x[2 + i];
                naive = op == ReduceOp.SUM ? naive + v : op == ReduceOp.PROD ? naive * v : op == ReduceOp.MAX ? Math.max(naive, v)
                        : Math.min(naive, v);
            }
            assertEquals(naive, VEC.reduce(op, x, 2, 1, n), op + " n=" + n);
        }
    }

    @Property(tries = 30)
    void argMaxTakesTheFirstExtremumOrTheFirstNaN(@ForAll("lengths") int n, @ForAll long seed) {
        if (n == 0) {
            return;
        }
        Random r = new Random(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = r.nextInt(5); // many ties
        }
        int nanAt = r.nextBoolean() ? r.nextInt(n) : -1;
        if (nanAt >= 0) {
            f[nanAt] = Float.NaN;
            if (r.nextBoolean() && nanAt + 1 < n) {
                f[n - 1] = Float.NaN; // a later NaN must not win
            }
        }
        int firstMax = 0;
        int firstMin = 0;
        for (int i = 1; i < n; i++) {
            if (f[i] > f[firstMax]) {
                firstMax = i;
            }
            if (f[i] < f[firstMin]) {
                firstMin = i;
            }
        }
        int expectedMax = nanAt >= 0 ? nanAt : firstMax;
        int expectedMin = nanAt >= 0 ? nanAt : firstMin;
        for (ReductionKernels k : new ReductionKernels[] {REF, VEC}) {
            assertEquals(expectedMax, k.argMax(f, 0, 1, n), k.getClass().getSimpleName() + " argMax n=" + n);
            assertEquals(expectedMin, k.argMin(f, 0, 1, n), k.getClass().getSimpleName() + " argMin n=" + n);
        }
    }

    // ------------------------------------------------------------------ column blocks

    @Property(tries = 30)
    void columnBlocksAreBitIdenticalToTheReference(@ForAll long seed) {
        Random r = new Random(seed);
        int[] widths = {1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 2047, 2048, 2049, 4500};
        int cols = widths[r.nextInt(widths.length)];
        int[] heights = {1, 2, 15, 16, 17, 255, 256, 257, 300};
        int rows = Math.min(heights[r.nextInt(heights.length)], Math.max(17, 60_000 / cols));
        int rowStride = cols + r.nextInt(3);
        int off = r.nextInt(3);
        double[] d = values(r, off + rows * rowStride, r.nextInt(3) == 0);
        float[] f = floats(d);
        for (ReduceOp op : ReduceOp.values()) {
            float[] rf = new float[cols + 2];
            float[] vf = new float[cols + 2];
            REF.reduceColumns(op, f, off, rowStride, rows, cols, rf, 1);
            VEC.reduceColumns(op, f, off, rowStride, rows, cols, vf, 1);
            double[] rd = new double[cols + 2];
            double[] vd = new double[cols + 2];
            REF.reduceColumns(op, d, off, rowStride, rows, cols, rd, 1);
            VEC.reduceColumns(op, d, off, rowStride, rows, cols, vd, 1);
            for (int j = 0; j < cols + 2; j++) {
                String ctx = op + " rows=" + rows + " cols=" + cols + " column " + (j - 1);
                assertSame(rf[j], vf[j], ctx + " float");
                assertSame(rd[j], vd[j], ctx + " double");
            }
            if (op == ReduceOp.SUM) {
                // the columns after PyTorch's cascade blocks are summed as strided rows (its row_sum)
                int cascaded = CascadeSum.cascadeColumns(cols, CascadeSum.FLOAT_LANES);
                for (int j = cascaded; j < cols; j++) {
                    assertBits(CascadeSum.sum(f, off + j, rowStride, rows), vf[j + 1], "column " + j + " as a strided row");
                }
            }
        }
    }

    @Property(tries = 30)
    void columnSumsFollowTheCascade(@ForAll long seed) {
        // a column block sum equals a cascade over that column's values, and is far more accurate than a naive float sum
        Random r = new Random(seed);
        int rows = 1 + r.nextInt(5000);
        int cols = 32;
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + r.nextFloat();
        }
        float[] out = new float[cols];
        VEC.reduceColumns(ReduceOp.SUM, x, 0, cols, rows, cols, out, 0);
        for (int j = 0; j < cols; j++) {
            double exact = 0;
            for (int i = 0; i < rows; i++) {
                exact += x[i * cols + j];
            }
            assertNear(exact, out[j], 1e-6, exact, "column " + j + " of " + rows);
        }
    }

    // ------------------------------------------------------------------ softmax family

    /**
     * Softmax rows take their maximum with compare-and-blend ({@link VectorSoftmax#softmaxMax}), which
     * skips NaN and may pick either zero: the outputs have the bits of the NaN- and sign-aware
     * {@link VectorRows#max}, on rows whose maximum is +0 or -0 (or both), that hold -inf, +inf or NaN.
     */
    @Property(tries = 80)
    void softmaxRowMaxGivesTheBitsOfTheFullMax(@ForAll("lengths") int n, @ForAll long seed) {
        if (n < 16 || n > 10_000) {
            return;
        }
        Random r = new Random(seed);
        float[] x = floats(values(r, n, r.nextInt(3) == 0));
        int kind = r.nextInt(4);
        if (kind > 0) {
            // all values at most 0 and the maximum a zero of either sign (or both), in random places
            for (int i = 0; i < n; i++) {
                x[i] = -Math.abs(x[i]);
            }
            x[r.nextInt(n)] = kind == 2 ? 0f : -0f;
            x[r.nextInt(n)] = kind == 1 ? -0f : 0f;
        }
        float[] got = new float[n];
        float[] want = new float[n];
        VEC.softmax(x, 0, got, 0, n, false);
        VectorSoftmax.softmaxRow(x, 0, want, 0, n, VectorRows.max(x, 0, n));
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(want[i]) ? !Float.isNaN(got[i]) : Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i])) {
                fail("softmax n=" + n + " i=" + i + ": expected " + want[i] + " but was " + got[i]);
            }
        }
    }

    @Property(tries = 60)
    void softmaxRowsAndColumnsMatchTheReference(@ForAll("lengths") int n, @ForAll long seed) {
        if (n == 0 || n > 10_000) {
            return;
        }
        Random r = new Random(seed);
        boolean log = r.nextBoolean();
        double[] d = values(r, n + 1, r.nextInt(4) == 0);
        float[] f = floats(d);
        float[] rf = new float[n + 1];
        float[] vf = new float[n + 1];
        REF.softmax(f, 1, rf, 0, n, log);
        VEC.softmax(f, 1, vf, 0, n, log);
        double[] rd = new double[n + 1];
        double[] vd = new double[n + 1];
        REF.softmax(d, 1, rd, 0, n, log);
        VEC.softmax(d, 1, vd, 0, n, log);
        for (int i = 0; i < n; i++) {
            String ctx = (log ? "logSoftmax" : "softmax") + " n=" + n + " i=" + i;
            // softmax: relative to the output (the sums differ in order); log-softmax: absolute, x - m - log s
            assertNear(rf[i], vf[i], 2e-6, log ? Math.max(1, Math.abs(rf[i])) : Math.abs(rf[i]), ctx + " float");
            assertNear(rd[i], vd[i], 1e-14, log ? Math.max(1, Math.abs(rd[i])) : Math.abs(rd[i]), ctx + " double");
        }
        // column blocks: n split as rows x cols
        int cols = 1 + r.nextInt(Math.min(40, n));
        int rows = n / cols;
        float[] cf = new float[rows * cols];
        float[] cv = new float[rows * cols];
        REF.softmaxColumns(f, 1, cf, 0, rows, cols, log);
        VEC.softmaxColumns(f, 1, cv, 0, rows, cols, log);
        double[] cdr = new double[rows * cols];
        double[] cdv = new double[rows * cols];
        REF.softmaxColumns(d, 1, cdr, 0, rows, cols, log);
        VEC.softmaxColumns(d, 1, cdv, 0, rows, cols, log);
        for (int i = 0; i < rows * cols; i++) {
            String ctx = (log ? "logSoftmax" : "softmax") + " columns " + rows + "x" + cols + " i=" + i;
            assertNear(cf[i], cv[i], 2e-6, log ? Math.max(1, Math.abs(cf[i])) : Math.abs(cf[i]), ctx + " float");
            assertNear(cdr[i], cdv[i], 1e-14, log ? Math.max(1, Math.abs(cdr[i])) : Math.abs(cdr[i]), ctx + " double");
        }
    }

    @Test
    void deviationsOfAConstantRowAreExactlyZero() {
        for (int n : new int[] {1, 7, 8, 33, 1000}) {
            float[] f = new float[n];
            double[] d = new double[n];
            java.util.Arrays.fill(f, 0.1f);
            java.util.Arrays.fill(d, 0.1);
            for (ReductionKernels k : new ReductionKernels[] {REF, VEC}) {
                double mean = f[0] + k.sumDeviations(f, 0, 1, n, f[0]) / n;
                assertEquals(0, k.sumSquaredDeviations(f, 0, 1, n, mean), 0);
                double meanD = d[0] + k.sumDeviations(d, 0, 1, n, d[0]) / n;
                assertEquals(0, k.sumSquaredDeviations(d, 0, 1, n, meanD), 0);
            }
        }
    }

    @Test
    void softmaxOfALongRowSumsToOne() {
        Random r = new Random(7);
        float[] x = floats(values(r, 10_000, false));
        float[] out = new float[x.length];
        VEC.softmax(x, 0, out, 0, x.length, false);
        double s = 0;
        for (float v : out) {
            assertTrue(v >= 0 && v <= 1);
            s += v;
        }
        assertEquals(1, s, 1e-5);
    }

    @Test
    void logSumExpHandlesInfiniteMaxima() {
        float inf = Float.POSITIVE_INFINITY;
        for (ReductionKernels k : new ReductionKernels[] {REF, VEC}) {
            float[] allNegInf = new float[40];
            java.util.Arrays.fill(allNegInf, -inf);
            assertEquals(-inf, k.logSumExp(allNegInf, 0, 1, 40));
            float[] withInf = new float[40];
            withInf[33] = inf;
            assertEquals(inf, k.logSumExp(withInf, 0, 1, 40));
            withInf[5] = Float.NaN;
            assertTrue(Float.isNaN(k.logSumExp(withInf, 0, 1, 40)));
            float[] big = new float[40];
            java.util.Arrays.fill(big, 1e30f);
            assertEquals(1e30f, k.logSumExp(big, 0, 1, 40), 0); // stable: no overflow in exp
        }
    }
}
