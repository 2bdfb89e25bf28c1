package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The SLEEF exp/log/tanh ports: the vector kernels equal the scalar references bit for bit (lengths
 * around the vector width, special values, both dtypes); the scalar port is within SLEEF's 1 ulp of
 * the correctly rounded value; and one kernel run many times (through interpreter, C1 and C2) gives
 * the same bits on every call.
 */
class SleefMathTest {
    private static final ScalarElementwise REF = new ScalarElementwise();
    private static final ElementwiseKernels VEC = Kernels.ELEMENTWISE;
    private static final ReductionKernels RVEC = Kernels.REDUCTION;

    static final float[] SPECIAL_F = {0f, -0f, 1f, -1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MIN_NORMAL * 0.75f, 1e-40f, Float.MAX_VALUE,
        -Float.MAX_VALUE, 88.72283f, 88.72284f, 88.7229f, 89f, 100f, 100.0001f, -87.33654f, -103.97207f, -103.9721f,
        -104f, -104.0001f, -150f, 1e7f, -1e7f, 3e38f, 0.5f, 1.5f, 0.75f, 0.99999994f, 1.0000001f, 2f, 1e-30f, 5e-8f};
    static final double[] SPECIAL_D = {0d, -0d, 1d, -1d, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MIN_NORMAL * 0.75, 1e-310,
        Double.MAX_VALUE, -Double.MAX_VALUE, 709.782712893384, 709.7827128933841, 709.79, 710d, -708.39641853226,
        -745.1332191019411, -745.14, -999.999, -1000d, -1000.0001, 1e300, -1e300, 0.5, 1.5, 0.75,
        0.9999999999999999, 1.0000000000000002, 2d, 1e-300};

    @Provide
    Arbitrary<Integer> lengths() {
        // tanh, expm1, log1p, log2, log10 take their vector loops (MULTI_PASS_BLOCK passes) only once
        // SleefWarmup has compiled them; SleefWarmupTest covers the loops directly and after the warm-up
        return Arbitraries.of(0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 257, 4095, 4096, 4097, 4113, 5137);
    }

    private static float[] floats(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(6);
            x[i] = k == 0 ? SPECIAL_F[r.nextInt(SPECIAL_F.length)]
                    : k == 1 ? Float.intBitsToFloat(r.nextInt()) // any bit pattern: subnormals, huge, NaN
                    : k == 2 ? (float) (r.nextDouble() * 220 - 110) // exp's whole finite range and past it
                    : (float) (r.nextGaussian() * 10);
        }
        return x;
    }

    private static double[] doubles(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(6);
            x[i] = k == 0 ? SPECIAL_D[r.nextInt(SPECIAL_D.length)]
                    : k == 1 ? Double.longBitsToDouble(r.nextLong())
                    : k == 2 ? r.nextDouble() * 1500 - 760
                    : r.nextGaussian() * 10;
        }
        return x;
    }

    private static void sameBits(float[] e, float[] a, float[] x, String what) {
        for (int i = 0; i < e.length; i++) {
            assertEquals(Float.floatToIntBits(e[i]), Float.floatToIntBits(a[i]),
                    what + " at " + i + " x=" + x[i] + " (" + Integer.toHexString(Float.floatToRawIntBits(x[i])) + ")");
        }
    }

    private static void sameBits(double[] e, double[] a, double[] x, String what) {
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToLongBits(e[i]), Double.doubleToLongBits(a[i]),
                    what + " at " + i + " x=" + x[i] + " (" + Long.toHexString(Double.doubleToRawLongBits(x[i])) + ")");
        }
    }

    @Property(tries = 150)
    void vectorEqualsScalarBitForBit(@ForAll("lengths") int n, @ForAll long seed) {
        Random r = new Random(seed);
        float[] xf = floats(r, n);
        double[] xd = doubles(r, n);
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.SIGMOID, UnaryOp.SILU, UnaryOp.TANH,
                UnaryOp.EXPM1, UnaryOp.LOG1P, UnaryOp.LOG2, UnaryOp.LOG10}) {
            float[] ef = new float[n];
            float[] af = new float[n];
            REF.unary(op, 0, 0, xf, 0, 1, ef, 0, 1, n);
            VEC.unary(op, 0, 0, xf, 0, 1, af, 0, 1, n);
            sameBits(ef, af, xf, op + " float32 n=" + n);
            double[] ed = new double[n];
            double[] ad = new double[n];
            REF.unary(op, 0, 0, xd, 0, 1, ed, 0, 1, n);
            VEC.unary(op, 0, 0, xd, 0, 1, ad, 0, 1, n);
            sameBits(ed, ad, xd, op + " float64 n=" + n);
        }
        // the vector functions themselves, lane by lane, against the scalar port
        for (int i = 0; i + VectorSleefProbe.FLOAT_LANES <= n; i += VectorSleefProbe.FLOAT_LANES) {
            float[] e = new float[VectorSleefProbe.FLOAT_LANES];
            float[] l = new float[e.length];
            float[] ve = new float[e.length];
            float[] vl = new float[e.length];
            float[] xs = Arrays.copyOfRange(xf, i, i + e.length);
            for (int j = 0; j < e.length; j++) {
                e[j] = SleefMath.exp(xs[j]);
                l[j] = SleefMath.log(xs[j]);
            }
            VectorSleefProbe.expLog(xs, ve, vl);
            sameBits(e, ve, xs, "VectorSleef.exp float");
            sameBits(l, vl, xs, "VectorSleef.log float");
        }
    }

    /**
     * VectorSleef's float exp takes a one-multiplication scaling when every lane is in [-86, 88] and
     * SLEEF's two-step scaling otherwise: both must give the scalar port's bits. Every float around
     * the bounds (and around -104 and 100, where the scaled path flushes to 0 and overflows), in
     * vectors that are all inside, and in vectors with one lane far outside (so the whole vector
     * takes the scaled path).
     */
    @Test
    void expBothScalingPathsGiveTheScalarBits() {
        int lanes = VectorSleefProbe.FLOAT_LANES;
        float[][] ranges = {{-88f, -85.5f}, {87.5f, 89.5f}, {-104.25f, -103.25f}, {99.75f, 100.25f}, {-0.5f, -0.4995f}};
        for (float[] range : ranges) {
            for (boolean mixed : new boolean[] {false, true}) {
                float[] x = new float[lanes * 4096];
                int n = 0;
                for (float f = range[0]; f <= range[1]; f = Math.nextUp(f)) {
                    if (mixed && n % lanes == 0) {
                        x[n++] = n % (2 * lanes) == 0 ? -200f : 200f; // sends the vector to the scaled path
                    }
                    x[n++] = f;
                    if (n == x.length) {
                        checkExps(x, n, lanes);
                        n = 0;
                    }
                }
                checkExps(x, n / lanes * lanes, lanes);
            }
        }
    }

    private static void checkExps(float[] x, int n, int lanes) {
        float[] e = new float[x.length];
        float[] eno = new float[x.length];
        for (int i = 0; i < n; i += lanes) {
            VectorSleefProbe.exps(x, i, e, eno);
        }
        for (int i = 0; i < n; i++) {
            float want = SleefMath.exp(x[i]);
            if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(e[i])) {
                throw new AssertionError("VectorSleef.exp(" + x[i] + ") = " + e[i] + ", SleefMath.exp = " + want);
            }
            if (x[i] <= 100f && Float.floatToRawIntBits(want) != Float.floatToRawIntBits(eno[i])) {
                throw new AssertionError("VectorSleef.expNoOverflow(" + x[i] + ") = " + eno[i] + ", SleefMath.exp = " + want);
            }
        }
    }

    @Test
    void specialValuesFollowSleef() {
        for (float x : SPECIAL_F) {
            float e = SleefMath.exp(x);
            float l = SleefMath.log(x);
            if (Float.isNaN(x)) {
                assertTrue(Float.isNaN(e) && Float.isNaN(l), "NaN");
            } else {
                assertEquals(x > 88.72284f ? Float.POSITIVE_INFINITY : x < -104f ? 0f : e, e, "exp " + x);
                assertEquals(x < 0 ? Float.NaN : x == 0 ? Float.NEGATIVE_INFINITY : l, l, "log " + x);
            }
        }
        assertEquals(1f, SleefMath.exp(0f));
        assertEquals(1f, SleefMath.exp(-0f));
        assertEquals(0f, SleefMath.log(1f));
        assertEquals(Float.POSITIVE_INFINITY, SleefMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, SleefMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, SleefMath.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(SleefMath.log(-0.5f)) && Float.isNaN(SleefMath.log(Float.NEGATIVE_INFINITY)));
        assertEquals(Float.NEGATIVE_INFINITY, SleefMath.log(-0f));
        assertEquals(1d, SleefMath.exp(0d));
        assertEquals(0d, SleefMath.log(1d));
        assertEquals(Double.POSITIVE_INFINITY, SleefMath.exp(710d));
        assertEquals(0d, SleefMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, SleefMath.log(0d));
        assertEquals(Double.POSITIVE_INFINITY, SleefMath.log(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(SleefMath.log(-1e-300)) && Double.isNaN(SleefMath.exp(Double.NaN)));
        // subnormal results and arguments
        assertEquals(Math.log(Float.MIN_VALUE), SleefMath.log(Float.MIN_VALUE), 1e-5);
        assertEquals(Math.log(Double.MIN_VALUE), SleefMath.log(Double.MIN_VALUE), 1e-12);
        assertEquals(Math.exp(-100d), SleefMath.exp(-100f), Math.ulp((float) Math.exp(-100d)));
    }

    @Test
    void tanhSpecialValues() {
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(SleefMath.tanh(0f)));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(SleefMath.tanh(-0f)));
        assertEquals(1f, SleefMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, SleefMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(1f, SleefMath.tanh(Math.nextUp(SleefMath.TANH_MAXF)));
        assertEquals(-1f, SleefMath.tanh(-Float.MAX_VALUE));
        assertTrue(Float.isNaN(SleefMath.tanh(Float.NaN)));
        assertEquals(1e-40f, SleefMath.tanh(1e-40f));
        assertEquals(-Float.MIN_VALUE, SleefMath.tanh(-Float.MIN_VALUE));
    }

    @Test
    void expm1AndLog1pSpecialValues() {
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(SleefMath.expm1(-0f)));
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(SleefMath.expm1(0f)));
        assertEquals(Float.POSITIVE_INFINITY, SleefMath.expm1(88.72284f));
        assertEquals(-1f, SleefMath.expm1(-16.64f));
        assertEquals(-1f, SleefMath.expm1(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(SleefMath.expm1(Float.NaN)));
        assertEquals(1e-30f, SleefMath.expm1(1e-30f));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(SleefMath.log1p(-0f)));
        assertEquals(Float.NEGATIVE_INFINITY, SleefMath.log1p(-1f));
        assertTrue(Float.isNaN(SleefMath.log1p(-1.0000001f)) && Float.isNaN(SleefMath.log1p(Float.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, SleefMath.log1p(Float.POSITIVE_INFINITY));
        assertEquals(SleefMath.log(3e38f), SleefMath.log1p(3e38f));
        assertEquals(1e-30f, SleefMath.log1p(1e-30f));
        assertEquals(3f, SleefMath.log2(8f));
        assertEquals(-149f, SleefMath.log2(Float.MIN_VALUE));
        assertEquals(2f, SleefMath.log10(100f));
        assertEquals(Float.NEGATIVE_INFINITY, SleefMath.log2(-0f));
        assertEquals(Float.POSITIVE_INFINITY, SleefMath.log10(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(SleefMath.log10(-1f)) && Float.isNaN(SleefMath.log2(Float.NaN)));
    }

    /** SLEEF's u10 bound: within 1 ulp of the true value (checked against the double/StrictMath result). */
    @Property(tries = 100)
    void withinOneUlp(@ForAll long seed) {
        Random r = new Random(seed);
        for (int k = 0; k < 200; k++) {
            float x = (float) (r.nextDouble() * 190 - 103);
            float e = SleefMath.exp(x);
            double t = StrictMath.exp(x);
            assertTrue(Math.abs(e - t) <= Math.ulp((float) t), "expf " + x + ": " + e + " vs " + t);
            float y = Float.intBitsToFloat(r.nextInt(0x7f800000));
            double lt = StrictMath.log(y);
            assertTrue(Math.abs(SleefMath.log(y) - lt) <= Math.ulp((float) lt), "logf " + y);
            double xd = r.nextDouble() * 1400 - 700;
            double ed = SleefMath.exp(xd);
            assertTrue(Math.abs(ed - StrictMath.exp(xd)) <= Math.ulp(StrictMath.exp(xd)), "exp " + xd);
            float w = (float) (r.nextDouble() * 100 - 17);
            double wt = StrictMath.expm1(w);
            assertTrue(Math.abs(SleefMath.expm1(w) - wt) <= Math.ulp((float) wt), "expm1f " + w);
            float v = Float.intBitsToFloat(r.nextInt(0x7f800000)) - 0.5f;
            double vt = StrictMath.log1p(v);
            assertTrue(Math.abs(SleefMath.log1p(v) - vt) <= Math.ulp((float) vt), "log1pf " + v);
            double l2 = StrictMath.log(y) / StrictMath.log(2);
            assertTrue(Math.abs(SleefMath.log2(y) - l2) <= Math.ulp((float) l2), "log2f " + y);
            double l10 = StrictMath.log10(y);
            assertTrue(Math.abs(SleefMath.log10(y) - l10) <= Math.ulp((float) l10), "log10f " + y);
            float z = (float) (r.nextGaussian() * 4);
            double tt = StrictMath.tanh(z);
            assertTrue(Math.abs(SleefMath.tanh(z) - tt) <= Math.ulp((float) tt), "tanhf " + z);
            double yd = Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
            assertTrue(Math.abs(SleefMath.log(yd) - StrictMath.log(yd)) <= Math.ulp(StrictMath.log(yd)), "log " + yd);
        }
    }

    /**
     * The bug this fixes: lanewise EXP/LOG gave different bits before and after C2 compiled the loop.
     * 20 000 calls take the kernels through the interpreter, C1 and C2; every call must match the first.
     */
    @Test
    void sameBitsOnEveryCallWhileTheJitCompiles() {
        Random r = new Random(7);
        int n = 37;
        float[] xf = floats(r, n);
        double[] xd = doubles(r, n);
        float[] sf = new float[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            sf[i] = (float) (r.nextGaussian() * 5);
            sd[i] = r.nextGaussian() * 5;
        }
        float[][] firstF = null;
        double[][] firstD = null;
        for (int call = 0; call < 20_000; call++) {
            float[][] f = new float[6][n];
            double[][] d = new double[5][n];
            VEC.unary(UnaryOp.EXP, 0, 0, xf, 0, 1, f[0], 0, 1, n);
            VEC.unary(UnaryOp.LOG, 0, 0, xf, 0, 1, f[1], 0, 1, n);
            VEC.unary(UnaryOp.SIGMOID, 0, 0, xf, 0, 1, f[2], 0, 1, n);
            RVEC.softmax(sf, 0, f[3], 0, n, false);
            RVEC.softmax(sf, 0, f[4], 0, n, true);
            VEC.unary(UnaryOp.TANH, 0, 0, xf, 0, 1, f[5], 0, 1, n);
            VEC.unary(UnaryOp.EXP, 0, 0, xd, 0, 1, d[0], 0, 1, n);
            VEC.unary(UnaryOp.LOG, 0, 0, xd, 0, 1, d[1], 0, 1, n);
            VEC.unary(UnaryOp.TANH, 0, 0, xd, 0, 1, d[2], 0, 1, n);
            RVEC.softmax(sd, 0, d[3], 0, n, false);
            RVEC.softmax(sd, 0, d[4], 0, n, true);
            if (firstF == null) {
                firstF = f;
                firstD = d;
            } else {
                for (int k = 0; k < 6; k++) {
                    assertArrayEquals(firstF[k], f[k], "float32 kernel " + k + " call " + call);
                }
                for (int k = 0; k < 5; k++) {
                    assertArrayEquals(firstD[k], d[k], "float64 kernel " + k + " call " + call);
                }
            }
        }
    }
}
