package dev.jtorch.nn.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clip_grad_norm_ / clip_grad_value_: PyTorch's computation order in float32, the inf norm, and its error message. */
class ClipGradTest {
    private static Tensor paramWithGrad(float... grad) {
        Tensor p = new Tensor(NDArray.zeros(grad.length)).requiresGrad_(true);
        p.setGrad(new Tensor(NDArray.wrap(grad.clone(), grad.length)));
        return p;
    }

    @Test
    void twoNormClipsByTheFloat32Coefficient() {
        Tensor a = paramWithGrad(3f, 4f);
        Tensor b = paramWithGrad(12f);
        Tensor noGrad = new Tensor(NDArray.zeros(2)).requiresGrad_(true);
        Tensor total = ClipGrad.clipGradNorm_(List.of(a, noGrad, b), 1.0);
        assertEquals(13.0, total.item(), 0.0, "sqrt(5^2 + 12^2)");
        float coef = (1f / (13f + (float) 1e-6)) * 1f; // (total + 1e-6).reciprocal() * max_norm, in float32
        assertArrayEquals(new float[] {3f * coef, 4f * coef}, a.grad().toFloatArray(), 0f);
        assertArrayEquals(new float[] {12f * coef}, b.grad().toFloatArray(), 0f);
    }

    @Test
    void smallNormsAreMultipliedByOne() {
        Tensor a = paramWithGrad(0.1f, -0.2f);
        Tensor total = ClipGrad.clipGradNorm_(List.of(a), 10.0);
        assertEquals((float) Math.sqrt(0.1f * 0.1f + 0.2f * 0.2f), total.item(), 1e-8);
        assertArrayEquals(new float[] {0.1f, -0.2f}, a.grad().toFloatArray(), 0f);
    }

    @Test
    void infNormAndOtherOrders() {
        Tensor a = paramWithGrad(3f, -7f);
        Tensor b = paramWithGrad(5f);
        Tensor total = ClipGrad.clipGradNorm_(List.of(a, b), 2.0, Double.POSITIVE_INFINITY);
        assertEquals(7.0, total.item(), 0.0);
        float coef = 1f / (7f + (float) 1e-6) * 2f;
        assertArrayEquals(new float[] {3f * coef, -7f * coef}, a.grad().toFloatArray(), 0f);
        Tensor c = paramWithGrad(1f, 2f);
        assertEquals(3.0, ClipGrad.clipGradNorm_(List.of(c), 100.0, 1.0).item(), 0.0, "1-norm");
    }

    @Test
    void noGradientsGiveZero() {
        Tensor p = new Tensor(NDArray.zeros(2)).requiresGrad_(true);
        Tensor total = ClipGrad.clipGradNorm_(List.of(p), 1.0);
        assertEquals(0, total.dim());
        assertEquals(0.0, total.item(), 0.0);
    }

    @Test
    void nonFiniteNormRaisesWhenAskedAndLeavesGradients() {
        Tensor a = paramWithGrad(Float.NaN, 1f);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClipGrad.clipGradNorm_(List.of(a), 1.0, 2.0, true));
        assertEquals("The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be clipped. To "
                + "disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`",
                e.getMessage());
        assertEquals(1f, a.grad().toFloatArray()[1], 0f);
        Tensor b = paramWithGrad(Float.POSITIVE_INFINITY, 1f);
        e = assertThrows(IllegalStateException.class,
                () -> ClipGrad.clipGradNorm_(List.of(b), 1.0, Double.POSITIVE_INFINITY, true));
        assertEquals(true, e.getMessage().startsWith("The total norm of order inf for gradients"), e.getMessage());
        ClipGrad.clipGradNorm_(List.of(b), 1.0);
        assertEquals(0f, b.grad().toFloatArray()[1], 0f, "1 * (1 / inf) = 0 when not raising");
    }

    @Test
    void clipGradValueClamps() {
        Tensor a = paramWithGrad(-3f, 0.5f, 2f);
        ClipGrad.clipGradValue_(List.of(a), 1.0);
        assertArrayEquals(new float[] {-1f, 0.5f, 1f}, a.grad().toFloatArray(), 0f);
    }
}
