package dev.jtorch;

import static dev.jtorch.Torch.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.autograd.GradMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In-place ops on views of tensors with history (PyTorch's CopySlices), the regenerated
 * {@code grad_fn} of views after their base changed, and PyTorch's errors for views that may
 * not be modified in place. Expected values and messages are libtorch 2.10's.
 */
class ViewInplaceAutogradTest {
    private static final String NO_GRAD_TAIL = " Given that this use case is ambiguous and error-prone, it is forbidden."
            + " You can clarify your code by moving both the view and the inplace either both inside the no_grad block"
            + " (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";
    private static final String MULTI_TAIL = " This view is the output of a function that returns multiple views. Such"
            + " functions do not allow the output views to be modified inplace. You should replace the inplace operation"
            + " by an out-of-place one.";

    private static Tensor leaf() {
        return tensor(new float[] {1, 2, 3}, true);
    }

    private static String message(Runnable r) {
        return assertThrows(RuntimeException.class, r::run).getMessage();
    }

    @Test
    void inPlaceOnASelectedElementReachesTheBaseGradient() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        Tensor v = y.select(0, 0);
        assertEquals("SelectBackward0", v.gradFn().name());
        v.mul_(3.0);
        assertEquals("CopySlices", y.gradFn().name());
        assertEquals("AsStridedBackward0", v.gradFn().name());
        assertSame(y.gradFn(), v.gradFn().nextFunctions().get(0).node());
        assertEquals(1, y.gradFn().nextFunctions().size());
        assertFalse(v.isLeaf());
        assertArrayEquals(new float[] {6, 4, 6}, y.toFloatArray());
        y.sum().backward();
        assertArrayEquals(new float[] {6, 2, 2}, x.grad().toFloatArray());
    }

    @Test
    void theModifiedViewBackpropagatesThroughTheBase() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        Tensor v = y.narrow(0, 1, 2);
        v.mul_(x.narrow(0, 0, 2));
        // v = [2*x1*x0, 2*x2*x1]
        v.sum().backward();
        assertArrayEquals(new float[] {4, 2 * 1 + 2 * 3, 2 * 2}, x.grad().toFloatArray());
    }

    @Test
    void writingIntoASliceOfATensorWithoutHistory() {
        Tensor x = leaf();
        Tensor y = Torch.zeros(5);
        Tensor v = y.narrow(0, 1, 3);
        v.copy_(x.mul(2.0));
        assertTrue(y.requiresGrad());
        assertEquals("CopySlices", y.gradFn().name());
        assertEquals("AsStridedBackward0", v.gradFn().name());
        y.mul(y).sum().backward();
        assertArrayEquals(new float[] {8, 16, 24}, x.grad().toFloatArray());
    }

    @Test
    void otherViewsOfAModifiedBaseGetAsStridedNodes() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        Tensor v = y.narrow(0, 1, 2);
        y.mul_(3.0);
        assertEquals("MulBackward0", y.gradFn().name());
        assertEquals("AsStridedBackward0", v.gradFn().name());
        v.sum().backward();
        assertArrayEquals(new float[] {0, 6, 6}, x.grad().toFloatArray());
    }

    @Test
    void viewsOfViewsAreRegeneratedFromTheRoot() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        Tensor v = y.narrow(0, 1, 2);
        Tensor w = v.select(0, 0);
        w.mul_(5.0);
        assertSame(y, w.base());
        assertEquals("CopySlices", y.gradFn().name());
        assertEquals("AsStridedBackward0", v.gradFn().name());
        assertEquals("AsStridedBackward0", w.gradFn().name());
        v.sum().backward();
        assertArrayEquals(new float[] {0, 10, 2}, x.grad().toFloatArray());
    }

    @Test
    void steppedSlicesTransposesAndDiagonals() {
        Tensor x = tensor(new float[][] {{1, 2, 3}, {4, 5, 6}}, true);
        Tensor y = x.mul(1.0);
        y.slice(1, 0, 3, 2).mul_(10.0); // columns 0 and 2
        y.t().select(0, 1).add_(1.0); // column 1, gradient 1
        y.sum().backward();
        assertArrayEquals(new float[] {10, 1, 10, 10, 1, 10}, x.grad().toFloatArray());

        Tensor a = tensor(new float[][] {{1, 2}, {3, 4}}, true);
        Tensor b = a.mul(2.0);
        b.diagonal(0, 0, 1).zero_();
        assertEquals("CopySlices", b.gradFn().name());
        b.sum().backward();
        assertArrayEquals(new float[] {0, 2, 2, 0}, a.grad().toFloatArray());
    }

    @Test
    void fillZeroAndMaskedFillOnViews() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        Tensor v = y.narrow(0, 0, 2);
        v.maskedFill_(tensor(new boolean[] {true, false}), 7.0);
        assertEquals("CopySlices", y.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new float[] {0, 2, 2}, x.grad().toFloatArray());

        Tensor p = leaf();
        Tensor q = p.mul(p);
        q.view(3).narrow(0, 2, 1).fill_(5.0);
        q.sum().backward();
        assertArrayEquals(new float[] {2, 4, 0}, p.grad().toFloatArray());
    }

    @Test
    void doubleBackwardThroughCopySlices() {
        Tensor x = leaf();
        Tensor y = x.mul(x);
        y.narrow(0, 0, 2).mul_(x.narrow(0, 1, 2));
        // y = [x0^2 x1, x1^2 x2, x2^2]
        Tensor g = Autograd.grad(new Tensor[] {y.sum()}, new Tensor[] {x}, null, null, true, false)[0];
        assertArrayEquals(new float[] {4, 13, 10}, g.toFloatArray());
        g.sum().backward();
        assertArrayEquals(new float[] {6, 12, 6}, x.grad().toFloatArray());
    }

    @Test
    void retainGradOnTheBaseFollowsItsNewNode() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        y.retainGrad();
        y.narrow(0, 0, 2).mul_(3.0);
        y.sum().backward();
        assertArrayEquals(new float[] {1, 1, 1}, y.grad().toFloatArray());
        assertArrayEquals(new float[] {6, 6, 2}, x.grad().toFloatArray());

        // an in-place op on the tensor itself moves its retain_grad hook too (update_tensor_hooks_on_new_gradfn)
        Tensor a = leaf();
        Tensor b = a.mul(2.0);
        b.retainGrad();
        b.mul_(3.0);
        b.mul(b).sum().backward();
        assertArrayEquals(new float[] {12, 24, 36}, b.grad().toFloatArray());
    }

    @Test
    void backwardTwiceThroughCopySlicesFails() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        y.narrow(0, 0, 2).mul_(2.0);
        y.sum().backward();
        assertTrue(message(() -> y.sum().backward()).startsWith("Trying to backward through the graph a second time"));
    }

    @Test
    void viewOfALeafThatRequiresGrad() {
        Tensor x = leaf();
        assertEquals("a view of a leaf Variable that requires grad is being used in an in-place operation.",
                message(() -> x.select(0, 0).mul_(3.0)));
        assertArrayEquals(new float[] {1, 2, 3}, x.toFloatArray(), "nothing was written");
        try (GradMode.Guard g = GradMode.noGrad()) {
            x.select(0, 0).mul_(3.0);
        }
        assertArrayEquals(new float[] {3, 2, 3}, x.toFloatArray());
        assertNull(x.gradFn());
    }

    @Test
    void viewsMadeUnderNoGrad() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        Tensor v;
        try (GradMode.Guard g = GradMode.noGrad()) {
            v = y.select(0, 0);
        }
        assertTrue(v.requiresGrad(), "a view requires grad when its base does");
        assertNull(v.gradFn());
        assertEquals("A view was created in no_grad mode and is being modified inplace with grad mode enabled." + NO_GRAD_TAIL,
                message(() -> v.mul_(3.0)));

        Tensor w;
        try (GradMode.Guard g = GradMode.noGrad()) {
            w = y.narrow(0, 0, 2);
        }
        Tensor ww = w.select(0, 0);
        assertEquals("SelectBackward0", ww.gradFn().name());
        assertEquals("Output 0 of SelectBackward0 is a view of a view which was created in no_grad mode and is being "
                + "modified inplace with grad mode enabled." + NO_GRAD_TAIL, message(() -> ww.mul_(2.0)));

        y.mul_(2.0);
        assertEquals("A view was created in no_grad mode and its base or another view of its base has been modified "
                + "inplace with grad mode enabled." + NO_GRAD_TAIL, message(v::gradFn));
    }

    @Test
    void optimizerStyleUpdatesOfLeavesThroughViewsUnderNoGrad() {
        Tensor p = leaf();
        try (GradMode.Guard g = GradMode.noGrad()) {
            Tensor flat = p.view(3);
            flat.narrow(0, 1, 2).add_(1.0);
            p.mul_(2.0);
        }
        assertArrayEquals(new float[] {2, 6, 8}, p.toFloatArray());
        assertTrue(p.isLeaf());
        p.mul(p).sum().backward();
        assertArrayEquals(new float[] {4, 12, 16}, p.grad().toFloatArray());
    }

    @Test
    void outputsOfMultiOutputViewOps() {
        Tensor x = leaf();
        Tensor y = x.mul(2.0);
        List<Tensor> u = y.unbind(0);
        assertEquals("Output 0 of UnbindBackward0 is a view and is being modified inplace." + MULTI_TAIL,
                message(() -> u.get(0).mul_(3.0)));
        List<Tensor> s = y.split(2, 0);
        assertEquals("Output 1 of SplitBackward0 is a view and is being modified inplace." + MULTI_TAIL,
                message(() -> s.get(1).mul_(3.0)));
        Tensor w = y.view(3, 1).unbind(0).get(0).view(1);
        assertEquals("Output 0 of ViewBackward0 is a view and is being modified inplace." + MULTI_TAIL,
                message(() -> w.mul_(3.0)));
        y.mul_(3.0);
        assertEquals("Output 0 of UnbindBackward0 is a view and its base or another view of its base has been modified "
                + "inplace." + MULTI_TAIL, message(() -> u.get(0).gradFn()));
    }

    @Test
    void expandedViewsCannotBeWritten() {
        Tensor x = leaf();
        Tensor e = x.mul(2.0).select(0, 0).expand(3);
        assertEquals("unsupported operation: more than one element of the written-to tensor refers to a single memory "
                + "location. Please clone() the tensor before performing the operation.", message(() -> e.mul_(3.0)));
    }

    /** Returns a view of its input: in-place changes to it would bypass this backward. */
    static final class ViewOfInput extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0].narrow(0, 0, 2);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {Tensor.zerosLike(g)};
        }
    }

    /** Returns its input as it is. */
    static final class Identity extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g};
        }
    }

    @Test
    void viewsReturnedByUserFunctions() {
        String tail = " This view was created inside a custom Function (or because an input was returned as-is) and the"
                + " autograd logic to handle view+inplace would override the custom backward associated with the custom"
                + " Function, leading to incorrect gradients. This behavior is forbidden. You can fix this by cloning the"
                + " output of the custom Function.";
        Tensor y = leaf().mul(2.0);
        Tensor v = new ViewOfInput().apply(y);
        assertEquals("Output 0 of ViewOfInputBackward is a view and is being modified inplace." + tail,
                message(() -> v.mul_(2.0)));
        Tensor i = new Identity().apply(y);
        assertEquals("Output 0 of IdentityBackward is a view and is being modified inplace." + tail,
                message(() -> i.mul_(2.0)));
    }

    @Test
    void asStridedGradientsAndErrors() {
        Tensor x = tensor(new float[] {1, 1, 1, 1}, true);
        Tensor y = x.asStrided(new int[] {2, 2}, new int[] {1, 1}, 0);
        assertEquals("AsStridedBackward0", y.gradFn().name());
        assertArrayEquals(new float[] {1, 1, 1, 1}, y.toFloatArray());
        y.mul(y).sum().backward();
        assertArrayEquals(new float[] {2, 4, 2, 0}, x.grad().toFloatArray());

        Tensor z = Torch.zeros(4);
        assertEquals("as_strided: Negative strides are not supported at the moment, got strides: [-1]",
                message(() -> z.asStrided(new int[] {2}, new int[] {-1}, 0)));
        assertEquals("setStorage: sizes [2, 3], strides [3, 1], storage offset 1, and itemsize 4 requiring a storage "
                + "size of 28 are out of bounds for storage of size 16",
                message(() -> z.asStrided(new int[] {2, 3}, new int[] {3, 1}, 1)));
        assertEquals("mismatch in length of strides and shape", message(() -> z.asStrided(new int[] {2, 3}, new int[] {3}, 0)));
        assertEquals("Tensor: invalid storage offset -1", message(() -> z.asStrided(new int[] {2}, new int[] {1}, -1)));
        assertArrayEquals(new int[] {0, 3}, z.asStrided(new int[] {0, 3}, new int[] {3, 1}, 9).sizes());
    }

    @Test
    void asStridedOfAnOverlappingInputSharesTheGradient() {
        // as PyTorch's as_strided_backward: a storage element seen twice by the input gets half the gradient each time
        Tensor x = tensor(new float[] {1, 2}, true);
        Tensor e = x.view(2, 1).expand(2, 2);
        Tensor y = e.asStrided(new int[] {2}, new int[] {1}, 0);
        y.backward(tensor(new float[] {1, 10}));
        assertArrayEquals(new float[] {1, 10}, x.grad().toFloatArray());
    }
}
