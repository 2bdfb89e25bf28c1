package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The multi-pass SLEEF loops (tanh, expm1, log1p, log2, log10) that callers take only once
 * {@link SleefWarmup} has compiled them: the loops themselves equal the scalar port bit for bit at
 * every whole-vector length, and after the warm-up the kernel (vector loops plus scalar tail) still does.
 */
class SleefWarmupTest {
    private static final ScalarElementwise REF = new ScalarElementwise();
    private static final ElementwiseKernels VEC = Kernels.ELEMENTWISE;
    private static final int LANES = VectorFloatLoops.F.length();
    private static final UnaryOp[] OPS = {UnaryOp.TANH, UnaryOp.EXPM1, UnaryOp.LOG1P, UnaryOp.LOG2, UnaryOp.LOG10};

    private static float[] floats(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(5);
            x[i] = k == 0 ? SleefMathTest.SPECIAL_F[r.nextInt(SleefMathTest.SPECIAL_F.length)]
                    : k == 1 ? Float.intBitsToFloat(r.nextInt())
                    : k == 2 ? (float) (r.nextDouble() * 40 - 20)
                    : (float) (r.nextGaussian() * 3);
        }
        return x;
    }

    private static void sameBits(float[] e, float[] a, float[] x, String what) {
        for (int i = 0; i < e.length; i++) {
            assertEquals(Float.floatToIntBits(e[i]), Float.floatToIntBits(a[i]),
                    what + " at " + i + " x=" + x[i] + " (" + Integer.toHexString(Float.floatToRawIntBits(x[i])) + ")");
        }
    }

    private static float scalar(UnaryOp op, float x) {
        switch (op) {
            case TANH: return SleefMath.tanh(x);
            case EXPM1: return SleefMath.expm1(x);
            case LOG1P: return SleefMath.log1p(x);
            case LOG2: return SleefMath.log2(x);
            default: return SleefMath.log10(x);
        }
    }

    private static void loop(UnaryOp op, float[] x, int xo, float[] out, int oo, int n, float[] tmp) {
        switch (op) {
            case TANH: VectorSleefHyp.tanhArray(x, xo, out, oo, n, tmp); break;
            case EXPM1: VectorSleefHyp.expm1Array(x, xo, out, oo, n, tmp); break;
            case LOG1P: VectorSleefLog.log1pArray(x, xo, out, oo, n, tmp); break;
            case LOG2: VectorSleefLog.log2Array(x, xo, out, oo, n, tmp); break;
            default: VectorSleefLog.log10Array(x, xo, out, oo, n, tmp); break;
        }
    }

    @Test
    void multiPassLoopsEqualTheScalarPortAtEveryWholeVectorLength() {
        Random r = new Random(11);
        for (int vectors : new int[] {1, 2, 3, 7, 8, 9, 16}) {
            int n = vectors * LANES;
            int xo = r.nextInt(5);
            float[] x = floats(r, n + xo);
            for (UnaryOp op : OPS) {
                float[] e = new float[n];
                float[] a = new float[n + 3];
                for (int i = 0; i < n; i++) {
                    e[i] = scalar(op, x[xo + i]);
                }
                loop(op, x, xo, a, 3, n, new float[3 * n]);
                sameBits(e, java.util.Arrays.copyOfRange(a, 3, 3 + n), java.util.Arrays.copyOfRange(x, xo, xo + n),
                        op + " loops n=" + n);
            }
        }
    }

    @Test
    void afterTheWarmupTheKernelStillEqualsTheScalarReference() throws InterruptedException {
        assertTrue(SleefWarmup.awaitReady(SleefWarmup.HYP, 120_000), "tanh/expm1 loops not compiled within 2 minutes");
        assertTrue(SleefWarmup.awaitReady(SleefWarmup.LOG, 120_000), "log1p/log2/log10 loops not compiled within 2 minutes");
        Random r = new Random(12);
        for (int n : new int[] {0, 1, 15, 63, 64, 65, 100, 257, 1024, 4097}) {
            float[] x = floats(r, n);
            for (UnaryOp op : OPS) {
                float[] e = new float[n];
                float[] a = new float[n];
                REF.unary(op, 0, 0, x, 0, 1, e, 0, 1, n);
                VEC.unary(op, 0, 0, x, 0, 1, a, 0, 1, n);
                sameBits(e, a, x, op + " kernel n=" + n);
            }
        }
    }
}
