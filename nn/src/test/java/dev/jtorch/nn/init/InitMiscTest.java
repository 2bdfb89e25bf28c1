package dev.jtorch.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import org.junit.jupiter.api.Test;

/** erfinv, trunc_normal_ and orthogonal_: values, ranges, orthogonality, errors. */
class InitMiscTest {

    @Test
    void erfinvInvertsErfAndHandlesTheEnds() {
        for (double y : new double[] {-0.99, -0.7, -0.3, 0.0, 1e-6, 0.5, 0.7, 0.95, 0.999999}) {
            double x = Erfinv.erfinv(y);
            assertEquals(y, dev.jtorch.tensor.kernel.Erf.erf(x), 1e-15, "erf(erfinv(" + y + "))");
            float yf = (float) y;
            float xf = Erfinv.erfinv(yf);
            // near +-1 erfinv is ill-conditioned in float32 (erf(x) - y cancels), as in PyTorch: 1e-5 relative
            assertEquals(Erfinv.erfinv((double) yf), xf, 1e-5 * Math.max(1, Math.abs(x)), "float32 erfinv(" + yf + ")");
        }
        assertEquals(Float.POSITIVE_INFINITY, Erfinv.erfinv(1.0f));
        assertEquals(Float.NEGATIVE_INFINITY, Erfinv.erfinv(-1.0f));
        assertTrue(Float.isNaN(Erfinv.erfinv(1.5f)));
        assertTrue(Double.isNaN(Erfinv.erfinv(-1.5)));
        assertEquals(0.0f, Erfinv.erfinv(0.0f));
    }

    @Test
    void erffIsWithinAnUlpOfErf() {
        for (int i = -4000; i <= 4000; i++) {
            float x = i / 500f;
            float e = (float) dev.jtorch.tensor.kernel.Erf.erf((double) x);
            assertTrue(Math.abs(Float.floatToIntBits(Erfinv.erff(x)) - Float.floatToIntBits(e)) <= 1, "erff(" + x + ")");
        }
    }

    @Test
    void glibcExpfAndLogfAreWithinAnUlpOfTheCorrectlyRoundedValues() {
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 100_000; i++) {
            float x = (rnd.nextFloat() - 0.5f) * 170;
            int d = Float.floatToIntBits(GlibcExpLogF.expf(x)) - Float.floatToIntBits((float) Math.exp(x));
            assertTrue(Math.abs(d) <= 1, "expf(" + x + ")");
            float y = Float.intBitsToFloat(0x00800000 + rnd.nextInt(0x7f000000));
            int e = Float.floatToIntBits(GlibcExpLogF.logf(y)) - Float.floatToIntBits((float) Math.log(y));
            assertTrue(Math.abs(e) <= 1, "logf(" + y + ")");
        }
        assertEquals(0f, GlibcExpLogF.logf(1f));
        assertEquals(1f, GlibcExpLogF.expf(0f));
        assertEquals(Float.POSITIVE_INFINITY, GlibcExpLogF.expf(100f));
        assertTrue(Float.isNaN(GlibcExpLogF.logf(-1f)));
    }

    @Test
    void truncNormalStaysInsideTheInterval() {
        Torch.manualSeed(0);
        Tensor t = Init.truncNormal_(Torch.empty(4000), 1.0, 2.0, -0.5, 3.0);
        float[] v = t.array().toFloatArray();
        double sum = 0;
        for (float x : v) {
            assertTrue(x >= -0.5f && x <= 3.0f, "value " + x);
            sum += x;
        }
        // the mean of N(1, 2^2) truncated to [-0.5, 3]: 1 + 2 (phi(-0.75) - phi(1)) / (Phi(1) - Phi(-0.75)) = 1.192
        assertEquals(1.192, sum / v.length, 0.05);
        Tensor d = Init.truncNormal_(new Tensor(NDArray.empty(DType.FLOAT64, 1000)));
        for (double x : d.array().toDoubleArray()) {
            assertTrue(x >= -2 && x <= 2);
        }
        assertTrue(t.version() > 0, "an in-place initialiser bumps the version");
    }

    @Test
    void truncNormalOfALeafParameterRecordsNothing() {
        Tensor p = Torch.empty(3, 3).requiresGrad_(true);
        Init.truncNormal_(p, 0, 0.02, -0.04, 0.04);
        assertTrue(p.isLeaf() && p.gradFn() == null);
    }

    @Test
    void orthogonalRowsOrColumnsAreOrthonormal() {
        Torch.manualSeed(1);
        Tensor tall = Init.orthogonal_(Torch.empty(6, 4));
        NDArray q = tall.array();
        assertTrue(q.t().mm(q).sub(NDArray.eye(4, 4, DType.FLOAT32)).abs().amax().item() < 1e-5);
        Tensor wide = Init.orthogonal_(Torch.empty(3, 2, 4), 2.0);
        NDArray w = wide.array().reshape(3, 8);
        NDArray gram = w.mm(w.t());
        assertTrue(gram.sub(NDArray.eye(3, 3, DType.FLOAT32).mul(4.0)).abs().amax().item() < 1e-4);
        Tensor empty = Init.orthogonal_(Torch.empty(0, 3));
        assertArrayEquals(new int[] {0, 3}, empty.sizes());
        assertEquals("Only tensors with 2 or more dimensions are supported",
                assertThrows(IllegalArgumentException.class, () -> Init.orthogonal_(Torch.empty(3))).getMessage());
    }
}
