package dev.jtorch.tensor;

/**
 * PyTorch's TensorIterator dimension order ({@code reorder_dimensions}) and output layout
 * ({@code allocate_or_resize_outputs}). Elementwise ops walk memory in the order the operands are
 * laid out, and a new output takes the operands' layout: {@code x.t().exp()} has {@code x.t()}'s
 * strides and is computed as one contiguous row, as in PyTorch. The order also decides which
 * elements PyTorch's vectorized loop leaves to its scalar tail, which matters for the one kernel
 * whose tail rounds differently ({@code add} with an alpha and a broadcast scalar).
 */
final class IterationOrder {
    private IterationOrder() {}

    /**
     * The dims ordered outermost first. {@code strides[k]} are operand k's strides broadcast to
     * {@code shape} (0 on broadcast dims); earlier operands decide first, as in PyTorch (the
     * output, when it exists, then the inputs).
     */
    static int[] order(int[] shape, int[][] strides) {
        int nd = shape.length;
        int[] perm = new int[nd]; // perm[0] is the fastest-moving dim
        for (int i = 0; i < nd; i++) {
            perm[i] = nd - 1 - i;
        }
        // insertion sort tolerating ambiguous comparisons, as TensorIterator does
        for (int i = 1; i < nd; i++) {
            int d1 = i;
            for (int d0 = i - 1; d0 >= 0; d0--) {
                int c = shouldSwap(shape, strides, perm[d0], perm[d1]);
                if (c > 0) {
                    int t = perm[d0];
                    perm[d0] = perm[d1];
                    perm[d1] = t;
                    d1 = d0;
                } else if (c < 0) {
                    break;
                }
            }
        }
        int[] outerFirst = new int[nd];
        for (int i = 0; i < nd; i++) {
            outerFirst[i] = perm[nd - 1 - i];
        }
        return outerFirst;
    }

    private static int shouldSwap(int[] shape, int[][] strides, int dim0, int dim1) {
        for (int[] s : strides) {
            int s0 = s[dim0];
            int s1 = s[dim1];
            if (s0 == 0 || s1 == 0) {
                continue; // a broadcast dim says nothing about the order
            }
            if (s0 < s1) {
                return -1;
            }
            if (s0 > s1) {
                return 1;
            }
            if (shape[dim0] > shape[dim1]) {
                return 1;
            }
        }
        return 0;
    }

    /** Strides of a new output of {@code shape}, contiguous in {@code order} (outermost first). */
    static int[] outputStrides(int[] shape, int[] order) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = order.length - 1; i >= 0; i--) {
            st[order[i]] = s;
            s *= Math.max(shape[order[i]], 1);
        }
        return st;
    }

    /** {@code a} rearranged by {@code order}. */
    static int[] permute(int[] a, int[] order) {
        int[] p = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            p[i] = a[order[i]];
        }
        return p;
    }

    /**
     * Runs {@code fn} over every row of {@code shape} in PyTorch's iteration order for these
     * operands (output first), merging dims that are contiguous in all of them.
     */
    static void forEachRow(int[] shape, int[] offsets, int[][] strides, Loops.Row fn) {
        int[] order = order(shape, strides);
        int[][] st = new int[strides.length][];
        for (int k = 0; k < strides.length; k++) {
            st[k] = permute(strides[k], order);
        }
        Loops.forEachRow(permute(shape, order), offsets, st, fn);
    }
}
