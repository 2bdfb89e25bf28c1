package dev.jtorch.tensor;

import java.util.Arrays;

/**
 * How a reduction over some dims of an array maps onto kernel calls. The reduced dims are sorted
 * by stride and merged where contiguous (PyTorch's TensorIterator also reorders them); when they
 * still do not form a single strided row, the input is copied with the reduced dims last, so every
 * output reads one row of {@link #n} elements {@link #stride} apart. Kept dims are merged the same
 * way and iterated in order, so the output is written contiguously.
 *
 * <p>When the reduced row is strided but the innermost kept dim is contiguous (a reduced dim outer
 * to a contiguous one, e.g. {@code sum(dim=0)} of a matrix), the plan hands out column blocks
 * instead: {@link #cols} consecutive outputs whose inputs are whole contiguous rows, which the
 * kernels combine row by row rather than walking each column with a stride.
 */
final class ReducePlan {
    /** What the op's kernels can take. */
    enum Layout {
        /** Rows with any stride, or column blocks (ops with a {@code reduceColumns} kernel). */
        ROWS_OR_COLUMNS,
        /** Rows with any stride. */
        ROWS,
        /** Rows with stride 1: strided rows are copied first (ops that are costly per element, like exp). */
        CONTIGUOUS_ROWS
    }

    /** Receives the storage offset of one row (or column block) in {@link #src} and the output index. */
    @FunctionalInterface
    interface Visitor {
        void accept(int inOffset, int outIndex);
    }

    /** The input, or a contiguous copy with the reduced dims last. */
    final NDArray src;
    /** The result shape, with or without the kept size-1 dims. */
    final int[] outShape;
    /** Elements reduced into each output. */
    final int n;
    /** Stride between them in {@link #src}. */
    final int stride;
    /** 0 for rows; otherwise the width of each column block (the blocks' rows are {@link #stride} apart). */
    final int cols;
    private final int[] iterSizes;
    private final int[] iterIn;
    private final int[] iterOut;

    private ReducePlan(NDArray src, int[] outShape, int n, int stride, int cols, int[][] iter) {
        this.src = src;
        this.outShape = outShape;
        this.n = n;
        this.stride = stride;
        this.cols = cols;
        this.iterSizes = iter[0];
        this.iterIn = iter[1];
        this.iterOut = iter[2];
    }

    /**
     * Which dims {@code dims} names, PyTorch's {@code dim_list_to_bitset}: negative dims wrap, a
     * repeated dim raises "dim 0 appears multiple times in the list of dims"; {@code null} or no
     * dims means every dim.
     */
    static boolean[] dimMask(int[] dims, int rank) {
        boolean[] mask = new boolean[rank];
        if (dims == null || dims.length == 0) {
            Arrays.fill(mask, true);
            return mask;
        }
        boolean[] seen = new boolean[Math.max(rank, 1)];
        for (int d : dims) {
            int w = Shapes.wrapDim(d, rank);
            if (seen[w]) {
                throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
            }
            seen[w] = true;
            if (rank > 0) {
                mask[w] = true;
            }
        }
        return mask;
    }

    /** The shape of reducing {@code shape} over {@code mask}. */
    static int[] outShape(int[] shape, boolean[] mask, boolean keepdim) {
        int r = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!mask[d] || keepdim) {
                r++;
            }
        }
        int[] out = new int[r];
        r = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!mask[d]) {
                out[r++] = shape[d];
            } else if (keepdim) {
                out[r++] = 1;
            }
        }
        return out;
    }

    static ReducePlan of(NDArray x, boolean[] mask, boolean keepdim, Layout layout) {
        int[] outShape = outShape(x.sizes(), mask, keepdim);
        int n = 1;
        for (int d = 0; d < x.dim(); d++) {
            if (mask[d]) {
                n *= x.sizeAt(d);
            }
        }
        if (n == 0 || Shapes.numel(outShape) == 0) {
            return new ReducePlan(x, outShape, n, 1, 0, new int[][] {{0}, {0}, {0}});
        }
        int[] red = reducedRow(x, mask);
        boolean copy = red == null || (layout == Layout.CONTIGUOUS_ROWS && red[0] > 1 && red[1] != 1);
        NDArray src = copy ? reducedLast(x, mask) : x;
        int stride = copy ? 1 : red[1];
        int[][] kept = keptDims(src, mask);
        int k = kept[0].length;
        boolean columns = layout == Layout.ROWS_OR_COLUMNS && n > 1 && stride != 1 && k > 0 && kept[1][k - 1] == 1;
        if (columns) {
            int[][] iter = {Arrays.copyOf(kept[0], k - 1), Arrays.copyOf(kept[1], k - 1), Arrays.copyOf(kept[2], k - 1)};
            return new ReducePlan(src, outShape, n, stride, kept[0][k - 1], iter);
        }
        return new ReducePlan(src, outShape, n, stride, 0, kept);
    }

    /** Whether a plan for {@code x} and {@code mask} with a layout other than {@code CONTIGUOUS_ROWS} copies the input. */
    static boolean copies(NDArray x, boolean[] mask) {
        return reducedRow(x, mask) == null;
    }

    /** {n, stride} of the reduced dims as one row, or null when they do not merge into one. */
    private static int[] reducedRow(NDArray x, boolean[] mask) {
        int m = 0;
        int[] sizes = new int[x.dim()];
        int[] strides = new int[x.dim()];
        for (int d = 0; d < x.dim(); d++) {
            if (mask[d] && x.sizeAt(d) != 1) {
                // insertion by decreasing stride: the order does not change what is reduced
                int i = m++;
                while (i > 0 && strides[i - 1] < x.strideAt(d)) {
                    sizes[i] = sizes[i - 1];
                    strides[i] = strides[i - 1];
                    i--;
                }
                sizes[i] = x.sizeAt(d);
                strides[i] = x.strideAt(d);
            }
        }
        if (m == 0) {
            return new int[] {1, 1};
        }
        int size = sizes[m - 1];
        int stride = strides[m - 1];
        for (int i = m - 2; i >= 0; i--) {
            if (strides[i] != stride * size) {
                return null;
            }
            size *= sizes[i];
        }
        return new int[] {size, stride};
    }

    /** A contiguous copy of {@code x} with the kept dims first and the reduced dims last, both in order. */
    private static NDArray reducedLast(NDArray x, boolean[] mask) {
        int[] perm = new int[x.dim()];
        int p = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int d = 0; d < x.dim(); d++) {
                if (mask[d] == (pass == 1)) {
                    perm[p++] = d;
                }
            }
        }
        NDArray c = x.permute(perm).contiguous();
        // view it back in the original dim order so the mask still applies
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return c.permute(inv);
    }

    /** {sizes, input strides, output strides} of the kept dims of size > 1, merged where contiguous. */
    private static int[][] keptDims(NDArray x, boolean[] mask) {
        int rank = x.dim();
        int[] sizes = new int[rank];
        int[] in = new int[rank];
        int m = 0;
        for (int d = 0; d < rank; d++) {
            if (!mask[d] && x.sizeAt(d) != 1) {
                if (m > 0 && in[m - 1] == x.strideAt(d) * x.sizeAt(d)) {
                    sizes[m - 1] *= x.sizeAt(d);
                    in[m - 1] = x.strideAt(d);
                } else {
                    sizes[m] = x.sizeAt(d);
                    in[m] = x.strideAt(d);
                    m++;
                }
            }
        }
        int[] out = new int[m];
        int acc = 1;
        for (int i = m - 1; i >= 0; i--) {
            out[i] = acc;
            acc *= sizes[i];
        }
        return new int[][] {Arrays.copyOf(sizes, m), Arrays.copyOf(in, m), out};
    }

    /** Number of outputs. */
    int outNumel() {
        return Shapes.numel(outShape);
    }

    /** Calls {@code v} once per row (or column block) in output order; nothing when there is nothing to reduce. */
    void forEach(Visitor v) {
        if (n == 0 || outNumel() == 0) {
            return;
        }
        int d = iterSizes.length;
        int[] idx = new int[d];
        int in = src.offset();
        int out = 0;
        while (true) {
            v.accept(in, out);
            int k = d - 1;
            for (; k >= 0; k--) {
                idx[k]++;
                in += iterIn[k];
                out += iterOut[k];
                if (idx[k] < iterSizes[k]) {
                    break;
                }
                in -= iterIn[k] * iterSizes[k];
                out -= iterOut[k] * iterSizes[k];
                idx[k] = 0;
            }
            if (k < 0) {
                return;
            }
        }
    }
}
