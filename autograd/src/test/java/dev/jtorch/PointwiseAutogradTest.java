package dev.jtorch;

import static dev.jtorch.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * Autograd semantics of the pointwise and reduction ops that gradient values alone do not show:
 * what is saved (and so what in-place changes break backward), in-place results saved for
 * backward, Python-number operands, ties, zeros, and ops that record nothing.
 */
class PointwiseAutogradTest {
    @Test
    void inPlaceOpsSavingTheirResultBackwardThroughIt() {
        Tensor x = tensor(new double[] {0.5, -1, 2}, DType.FLOAT64).requiresGrad_();
        Tensor y = x.mul(1.0).exp_();
        assertEquals("ExpBackward0", y.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new double[] {Math.exp(0.5), Math.exp(-1), Math.exp(2)}, x.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void modifyingASavedResultInPlaceFailsBackward() {
        Tensor x = tensor(new float[] {1, 2}, true);
        Tensor y = x.exp();
        y.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified by an "
                + "inplace operation: [torch.FloatTensor [2]]"), e.getMessage());
    }

    /** PyTorch saves only what a formula reads: x * w with only x requiring grad saves w, not x. */
    @Test
    void onlyTheTensorsAGradientReadsAreSaved() {
        Tensor x = tensor(new float[] {1, 2}, true);
        Tensor a = x.mul(1.0);
        Tensor w = tensor(new float[] {3, 4});
        Tensor y = a.mul(w);
        Tensor m = a.maskedFill(tensor(new boolean[] {true, false}), 0.0);
        a.add_(1.0); // not read by mul's or masked_fill's gradient
        y.add(m).sum().backward();
        assertArrayEquals(new float[] {3, 5}, x.grad().toFloatArray());
        w.add_(1.0); // w is read by mul's gradient
        Tensor x2 = tensor(new float[] {1, 2}, true);
        Tensor y2 = x2.mul(w);
        w.mul_(2.0);
        assertThrows(IllegalStateException.class, () -> y2.sum().backward());
    }

    @Test
    void pythonNumbersComputeInTheTensorDtype() {
        Tensor x = tensor(new double[] {1, 2}, DType.FLOAT64).requiresGrad_();
        Tensor y = x.add(0.1).mul(0.1).sub(0.1).div(0.1).rsub(0.1);
        assertEquals(DType.FLOAT64, y.dtype());
        assertEquals("RsubBackward1", y.gradFn().name());
        assertEquals(0.1 - ((1 + 0.1) * 0.1 - 0.1) / 0.1, y.getDouble(0), 0.0);
        Tensor i = tensor(new long[] {3}).add(2L);
        assertEquals(DType.INT64, i.dtype());
        assertEquals(DType.FLOAT32, tensor(new long[] {3}).mul(0.5).dtype());
    }

    @Test
    void maxShareTiesEvenlyAndMaxDimGivesTheIndex() {
        Tensor x = tensor(new float[][] {{1, 3, 3}, {2, 2, 0}}, true);
        x.max().backward();
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0, 0, 0}, x.grad().toFloatArray());
        x.setGrad(null);
        MaxMin mm = x.max(1);
        assertEquals("MaxBackward0", mm.values().gradFn().name());
        assertFalse(mm.indices().requiresGrad());
        assertNull(mm.indices().gradFn());
        assertArrayEquals(new long[] {1, 0}, mm.indices().toLongArray());
        mm.values().sum().backward();
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, x.grad().toFloatArray());
        x.setGrad(null);
        x.amax(1).sum().backward();
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0.5f, 0.5f, 0}, x.grad().toFloatArray());
    }

    @Test
    void prodGradientWithZeros() {
        Tensor x = tensor(new double[] {2, 0, 3, 4}, DType.FLOAT64).requiresGrad_();
        x.prod().backward();
        assertArrayEquals(new double[] {0, 24, 0, 0}, x.grad().toDoubleArray(), 0.0);
        Tensor z = tensor(new double[] {0, 0, 3}, DType.FLOAT64).requiresGrad_();
        Tensor g = Autograd.grad(new Tensor[] {z.prod()}, new Tensor[] {z}, null, null, true, false)[0];
        assertArrayEquals(new double[] {0, 0, 0}, g.toDoubleArray(), 0.0);
        // d/dz0 of dprod/dz1 = z2 = 3 even though two factors are zero: the create-graph path
        Tensor gg = Autograd.grad(new Tensor[] {g.select(0, 1)}, new Tensor[] {z}, null, null, false, false)[0];
        assertArrayEquals(new double[] {3, 0, 0}, gg.toDoubleArray(), 0.0);
    }

    @Test
    void zeroNormAndZeroStdHaveZeroGradients() {
        Tensor x = tensor(new float[] {0, 0, 0}, true);
        x.norm().backward();
        assertArrayEquals(new float[] {0, 0, 0}, x.grad().toFloatArray());
        assertEquals("LinalgVectorNormBackward0", x.norm().gradFn().name());
        Tensor c = tensor(new float[] {2, 2, 2}, true);
        c.std().backward();
        assertArrayEquals(new float[] {0, 0, 0}, c.grad().toFloatArray());
    }

    @Test
    void comparisonsLogicalOpsAndArgmaxRecordNothing() {
        Tensor x = tensor(new float[] {1, -2, 3}, true);
        for (Tensor t : new Tensor[] {x.gt(0.0), x.eq(x), x.le(1L), x.isnan(), x.isfinite(), x.argmax(), x.gt(0.0).logicalNot(),
                x.gt(0.0).any(), Tensor.where(x.gt(0.0), 1.0, 2.0)}) {
            assertFalse(t.requiresGrad());
            assertNull(t.gradFn());
        }
    }

    @Test
    void whereAndMaskedFillRouteTheGradient() {
        Tensor a = tensor(new float[] {1, 2, 3}, true);
        Tensor b = tensor(new float[] {10}, true);
        Tensor c = tensor(new boolean[] {true, false, true});
        Tensor y = Tensor.where(c, a, b);
        assertEquals("WhereBackward0", y.gradFn().name());
        assertEquals(y.gradFn().name(), a.where(c, b).gradFn().name());
        y.sum().backward();
        assertArrayEquals(new float[] {1, 0, 1}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {1}, b.grad().toFloatArray());
        Tensor v = tensor(5.0, true);
        a.maskedFill(c, v).sum().backward();
        assertEquals(2.0, v.grad().item());
    }

    @Test
    void printsTheNodeName() {
        Tensor x = tensor(new float[] {1, 2}, true);
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)", x.mul(2.0).toString());
        assertEquals("tensor(1.5000, grad_fn=<MeanBackward0>)", x.mean().toString());
    }
}
