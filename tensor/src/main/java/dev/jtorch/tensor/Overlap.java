package dev.jtorch.tensor;

import java.util.Arrays;

/**
 * PyTorch's memory-overlap checks for ops that write into an existing array
 * ({@code aten/src/ATen/MemoryOverlap.cpp}): an output may not have two elements at one address
 * (an expanded view), and an input may share memory with the output only by being the same view.
 * As in PyTorch, layouts that are not "non-overlapping and dense" are not analysed further.
 */
final class Overlap {
    private Overlap() {}

    private static final String CLONE = " Please clone() the tensor before performing the operation.";

    /** {@code assert_no_internal_overlap}: a stride-0 dim of size > 1 in the written-to array. */
    static void checkNoInternalOverlap(NDArray t) {
        if (isNonOverlappingAndDense(t)) {
            return;
        }
        for (int d = 0; d < t.dim(); d++) {
            if (t.strideAt(d) == 0 && t.sizeAt(d) > 1) {
                throw new IllegalArgumentException("unsupported operation: more than one element of the written-to "
                        + "tensor refers to a single memory location." + CLONE);
            }
        }
    }

    /** {@code assert_no_partial_overlap(out, in)}. */
    static void checkNoPartialOverlap(NDArray out, NDArray in) {
        if (out == in || !out.sharesStorageWith(in) || out.numel() == 0 || in.numel() == 0
                || !isNonOverlappingAndDense(out) || !isNonOverlappingAndDense(in)) {
            return;
        }
        int aBegin = out.offset();
        int aEnd = aBegin + out.numel();
        int bBegin = in.offset();
        int bEnd = bBegin + in.numel();
        boolean partial = aBegin == bBegin && aEnd == bEnd
                ? !Arrays.equals(out.strides(), in.strides())
                : aBegin < bEnd && bBegin < aEnd;
        if (partial) {
            throw new IllegalArgumentException("unsupported operation: some elements of the input tensor and the "
                    + "written-to tensor refer to a single memory location." + CLONE);
        }
    }

    /** True when some permutation of the dims makes the layout contiguous (size-1 dims ignored). */
    static boolean isNonOverlappingAndDense(NDArray t) {
        if (t.isContiguous()) {
            return true;
        }
        int dim = t.dim();
        Integer[] perm = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            perm[i] = i;
        }
        // PyTorch's order: dims of size < 2 last, the rest by increasing stride
        Arrays.sort(perm, (a, b) -> {
            boolean sa = t.sizeAt(a) < 2;
            boolean sb = t.sizeAt(b) < 2;
            if (sa || sb) {
                return Boolean.compare(sa, sb);
            }
            return Integer.compare(t.strideAt(a), t.strideAt(b));
        });
        long require = 1;
        for (int i = 0; i < dim; i++) {
            int d = perm[i];
            if (t.sizeAt(d) == 1) {
                continue;
            }
            if (t.strideAt(d) != require) {
                return false;
            }
            require *= t.sizeAt(d);
        }
        return true;
    }
}
