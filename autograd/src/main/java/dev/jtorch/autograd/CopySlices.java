package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;

/**
 * The base's new {@code grad_fn} after an in-place op on one of its views, PyTorch's
 * {@code CopySlices}. It wraps the in-place op's node {@code fn}: backward copies the base's
 * gradient, takes the view's region of it (the view's sizes, strides and storage offset relative
 * to the base), runs {@code fn} on that slice, writes fn's gradient for its first input (the
 * view before the op) back into the slice and sends the whole to the base's previous history;
 * fn's other inputs get fn's gradients. Written with tensor ops, so it is differentiable
 * ({@code createGraph}); the write into the slice is itself an in-place op on a view, handled
 * by this same mechanism.
 */
final class CopySlices extends Node {
    private final int[] baseSizes;
    private final int[] baseStrides;
    private final int[] viewSizes;
    private final int[] viewStrides;
    private final int viewOffset;
    private Node fn;

    CopySlices(Tensor base, Tensor view, Node fn, Edge baseEdge) {
        super(edges(fn, baseEdge));
        this.baseSizes = base.sizes();
        this.baseStrides = base.stride();
        this.viewSizes = view.sizes();
        this.viewStrides = view.stride();
        this.viewOffset = view.storageOffset() - base.storageOffset();
        this.fn = fn;
    }

    /** fn's edges, except that the first goes to the base's history instead of the view's. */
    private static Edge[] edges(Node fn, Edge baseEdge) {
        Edge[] e = fn.next.clone();
        e[0] = baseEdge;
        return e;
    }

    @Override
    public String name() {
        return "CopySlices";
    }

    @Override
    int numOutputs() {
        return 1;
    }

    @Override
    Tensor[] apply(Tensor[] grads, boolean createGraph) {
        Tensor g = grads[0];
        Tensor[] out = new Tensor[next.length];
        if (g == null) {
            return out;
        }
        if (fn == null) {
            throw new IllegalStateException(Context.BACKWARD_TWICE);
        }
        Tensor result = new Tensor(NDArray.empty(g.dtype(), extent(baseSizes, baseStrides))
                .asStrided(baseSizes, baseStrides, 0));
        result.copy_(g);
        Tensor slice = result.asStrided(viewSizes, viewStrides, viewOffset);
        Tensor[] res = fn.apply(new Tensor[] {slice.clone()}, createGraph);
        for (int i = 0; i < res.length; i++) {
            if (next[i] == null || res[i] == null) {
                continue;
            }
            if (i == 0) {
                slice.copy_(res[0]);
                out[0] = result;
            } else {
                out[i] = res[i];
            }
        }
        return out;
    }

    /** Elements of storage a geometry needs ({@code new_empty_strided}). */
    private static int extent(int[] sizes, int[] strides) {
        long n = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == 0) {
                return 0;
            }
            n += (long) (sizes[i] - 1) * strides[i];
        }
        return Math.toIntExact(n);
    }

    @Override
    void release() {
        if (fn != null) {
            fn.release();
            fn = null;
        }
    }
}
