package dev.jtorch;

import static dev.jtorch.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.autograd.GradMode;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AutogradSemanticsTest {
    @Test
    void gradientsAccumulateIntoLeavesAcrossBackwardCalls() {
        Tensor x = tensor(new float[] {1, 2, 3}, true);
        x.mul(x).sumToSize(1).squeeze().backward();
        assertArrayEquals(new float[] {2, 4, 6}, x.grad().toFloatArray());
        x.mul(3.0).sumToSize(1).squeeze().backward();
        assertArrayEquals(new float[] {5, 7, 9}, x.grad().toFloatArray());
        x.grad().zero_();
        assertArrayEquals(new float[] {0, 0, 0}, x.grad().toFloatArray());
        x.setGrad(null);
        assertNull(x.grad());
    }

    @Test
    void broadcastGradientsAreSummedToEachInputShape() {
        Tensor a = tensor(new float[][] {{1, 2, 3}, {4, 5, 6}}, true);
        Tensor b = tensor(new float[] {10, 20, 30}, true);
        Tensor c = tensor(2.0, true);
        a.mul(b).add(c).sumToSize(1, 1).squeeze().backward();
        assertArrayEquals(new float[] {10, 20, 30, 10, 20, 30}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {5, 7, 9}, b.grad().toFloatArray());
        assertEquals(6.0, c.grad().item());
        assertArrayEquals(new int[0], c.grad().sizes());
    }

    @Test
    void gradientsFlowThroughViews() {
        Tensor a = tensor(new float[][] {{1, 2, 3}, {4, 5, 6}}, true);
        Tensor y = a.t().narrow(0, 1, 2).select(1, 1).mul(a.view(6).slice(0, 0, 6, 3).sumToSize(1));
        // y = a[1, 1:3] * (a[0,0] + a[1,0])
        y.backward(tensor(new float[] {1, 1}));
        float s = 1 + 4;
        float sumSel = 5 + 6;
        assertArrayEquals(new float[] {sumSel, 0, 0, sumSel, s, s}, a.grad().toFloatArray());
    }

    @Test
    void createGraphGivesSecondAndThirdDerivatives() {
        Tensor x = tensor(2.0, true);
        Tensor y = x.mul(x).mul(x); // x^3
        Tensor dy = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, null, true, false)[0];
        assertEquals(12.0, dy.item(), 1e-6);
        Tensor d2 = Autograd.grad(new Tensor[] {dy}, new Tensor[] {x}, null, null, true, false)[0];
        assertEquals(12.0, d2.item(), 1e-6);
        Tensor d3 = Autograd.grad(d2, x);
        assertEquals(6.0, d3.item(), 1e-6);
        assertNull(x.grad(), "autograd.grad does not touch .grad");
    }

    @Test
    void secondBackwardThroughFreedBuffersRaisesUnlessRetained() {
        Tensor x = tensor(3.0, true);
        Tensor y = x.exp();
        y.backward(null, true, false);
        y.backward();
        assertEquals(2 * Math.exp(3), x.grad().item(), 1e-3);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"));
    }

    @Test
    void inPlaceChangeOfASavedTensorIsDetected() {
        Tensor x = tensor(new float[] {1, 2, 3}, true);
        Tensor y = x.exp();
        Tensor z = y.mul(2.0);
        y.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> z.sumToSize(1).squeeze().backward());
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [3]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead."
                + " Hint: the backtrace further above shows the operation that failed to compute its gradient. The "
                + "variable in question was changed in there or anywhere later. Good luck!", e.getMessage());
        assertEquals(1, y.version());
    }

    @Test
    void inPlaceOnALeafThatRequiresGradRaises() {
        Tensor w = tensor(new float[] {1, 2}, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.add_(1.0));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        try (var g = Torch.noGrad()) {
            w.mul_(2.0);
        }
        assertArrayEquals(new float[] {2, 4}, w.toFloatArray());
        assertTrue(w.isLeaf());
    }

    @Test
    void inPlaceOnANonLeafRebasesHistory() {
        Tensor x = tensor(new float[] {1, 2}, true);
        Tensor y = x.mul(2.0);
        y.mul_(tensor(new float[] {3, 4}));
        assertEquals("MulBackward0", y.gradFn().name());
        y.backward(tensor(new float[] {1, 1}));
        assertArrayEquals(new float[] {6, 8}, x.grad().toFloatArray());
    }

    @Test
    void noGradIsThreadLocalAndNests() throws Exception {
        Tensor x = tensor(1.0, true);
        AtomicBoolean otherThread = new AtomicBoolean();
        try (var outer = Torch.noGrad()) {
            assertFalse(x.mul(2.0).requiresGrad());
            try (var inner = Torch.enableGrad()) {
                assertTrue(x.mul(2.0).requiresGrad());
            }
            assertFalse(Torch.isGradEnabled());
            Thread t = new Thread(() -> otherThread.set(GradMode.isEnabled()));
            t.start();
            t.join();
        }
        assertTrue(otherThread.get(), "another thread keeps grad mode on");
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void deepGraphsBackwardWithoutRecursion() {
        Tensor x = tensor(1.0, true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0);
        }
        y.backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void nonScalarBackwardNeedsAGradient() {
        Tensor x = tensor(new float[] {1, 2}, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.mul(2.0).backward());
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
        IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> tensor(1.0).backward());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e2.getMessage());
    }

    @Test
    void hooksAndRetainGrad() {
        Tensor x = tensor(new float[] {1, 2}, true);
        Tensor y = x.mul(3.0);
        y.retainGrad();
        var handle = y.registerHook(g -> g.mul(10.0));
        x.registerHook(g -> g.add(1.0));
        y.backward(tensor(new float[] {1, 1}));
        assertArrayEquals(new float[] {10, 10}, y.grad().toFloatArray());
        assertArrayEquals(new float[] {31, 31}, x.grad().toFloatArray());
        handle.remove();
    }

    @Test
    void gradientsOfTwoLeavesAreIndependentTensors() {
        Tensor a = tensor(new float[] {1, 2}, true);
        Tensor b = tensor(new float[] {3, 4}, true);
        a.add(b).backward(tensor(new float[] {1, 1}));
        assertNotSame(a.grad(), b.grad());
        a.grad().mul_(5.0);
        assertArrayEquals(new float[] {1, 1}, b.grad().toFloatArray());
    }

    @Test
    void leafFlagsAndErrors() {
        Tensor x = tensor(new float[] {1, 2}, true);
        Tensor y = x.mul(2.0);
        assertTrue(x.isLeaf());
        assertFalse(y.isLeaf());
        assertEquals("you can only change requires_grad flags of leaf variables. If you want to use a computed variable "
                + "in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
                assertThrows(IllegalStateException.class, () -> y.requiresGrad_(false)).getMessage());
        assertEquals("only Tensors of floating point dtype can require gradients",
                assertThrows(IllegalArgumentException.class, () -> tensor(new long[] {1}).requiresGrad_(true)).getMessage());
        Tensor d = y.detach();
        assertTrue(d.isLeaf());
        assertFalse(d.requiresGrad());
    }
}
