package dev.jtorch.tensor;

/**
 * The order in which PyTorch's serial CPU kernels ({@code cpu_serial_kernel} over
 * {@code TensorIterator::nullary_op(self)}) visit the elements of an output: dims sorted by stride
 * ({@code TensorIteratorBase::reorder_dimensions}), smallest stride fastest. For a contiguous
 * tensor that is row-major order; for a transposed view it is storage order, not logical order.
 * Random sampling writes one draw per element in this order, so the order decides which element
 * gets which number.
 */
final class WriteOrder {
    private WriteOrder() {}

    /**
     * PyTorch's {@code assert_no_internal_overlap} for an output: a dim of size > 1 with stride 0
     * (an expanded view) would be written more than once.
     */
    static void checkNoInternalOverlap(NDArray t) {
        for (int d = 0; d < t.dim(); d++) {
            if (t.strideAt(d) == 0 && t.sizeAt(d) > 1) {
                throw new IllegalArgumentException("unsupported operation: more than one element of the written-to "
                        + "tensor refers to a single memory location. Please clone() the tensor before performing "
                        + "the operation.");
            }
        }
    }

    /**
     * Like {@link #offsets} but {@code null} for a contiguous tensor, whose order is simply
     * {@code offset, offset + 1, ...}: loops over large contiguous outputs then need no index array.
     */
    static int[] offsetsUnlessContiguous(NDArray t) {
        return t.isContiguous() ? null : offsets(t);
    }

    /** The storage indices of {@code t}'s elements in TensorIterator order. */
    static int[] offsets(NDArray t) {
        int n = t.numel();
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        if (t.isContiguous()) {
            for (int i = 0; i < n; i++) {
                out[i] = t.offset() + i;
            }
            return out;
        }
        int nd = t.dim();
        int[] perm = permutation(t);
        int[] size = new int[nd];
        int[] stride = new int[nd];
        for (int i = 0; i < nd; i++) {
            size[i] = t.sizeAt(perm[i]);
            stride[i] = t.strideAt(perm[i]);
        }
        int[] idx = new int[nd];
        int pos = t.offset();
        for (int k = 0; k < n; k++) {
            out[k] = pos;
            for (int d = 0; d < nd; d++) { // dim 0 is the fastest after reordering
                if (++idx[d] < size[d]) {
                    pos += stride[d];
                    break;
                }
                pos -= stride[d] * (size[d] - 1);
                idx[d] = 0;
            }
        }
        return out;
    }

    /**
     * {@code reorder_dimensions} for a single operand: start from the reversed dims, then an
     * insertion sort that swaps only on a strict stride comparison (or, for equal strides, a larger
     * size first) and treats stride-0 dims as incomparable.
     */
    static int[] permutation(NDArray t) {
        int nd = t.dim();
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = nd - 1 - i;
        }
        for (int i = 1; i < nd; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int c = shouldSwap(t, perm[dim0], perm[dim1]);
                if (c > 0) {
                    int tmp = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = tmp;
                    dim1 = dim0;
                } else if (c < 0) {
                    break;
                }
            }
        }
        return perm;
    }

    private static int shouldSwap(NDArray t, int dim0, int dim1) {
        int s0 = t.strideAt(dim0);
        int s1 = t.strideAt(dim1);
        if (s0 == 0 || s1 == 0) {
            return 0;
        }
        if (s0 != s1) {
            return s0 < s1 ? -1 : 1;
        }
        return t.sizeAt(dim0) > t.sizeAt(dim1) ? 1 : 0;
    }
}
