package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.ReduceOp;
import dev.jtorch.tensor.kernel.ReductionKernels;

/**
 * A float reduction whose reduced dims do not merge into one strided row (a convolution's bias
 * gradient, {@code sum(dims 0, 2, 3)} of {@code [N, C, H, W]}), without {@link ReducePlan}'s
 * contiguous copy of the whole input with the reduced dims last: each output's elements are
 * gathered, in that copy's order (row-major over the reduced dims), into one reused row, and
 * the row goes to the same kernel call. The kernel sees the same values in the same order, so
 * the results have the same bits as with the copy; the copy's allocation and its second pass
 * over memory are gone. Used for rows of at least {@link #MIN_ROW} elements and more than one
 * output (a single output may take the parallel row sum, whose order this would not keep).
 */
final class GatheredReduce {
    private GatheredReduce() {}

    private static final ReductionKernels K = Kernels.REDUCTION;
    /** Shorter rows keep the bulk copy: there a per-output gather costs about as much as the copy. */
    static final int MIN_ROW = 512;

    /** Whether a reduction over {@code mask} of {@code x} should take this path (the plan would copy, rows are long). */
    static boolean applies(NDArray x, boolean[] mask) {
        if (x.dtype() != DType.FLOAT32 && x.dtype() != DType.FLOAT64) {
            return false;
        }
        long n = 1;
        long outputs = 1;
        for (int d = 0; d < x.dim(); d++) {
            if (mask[d]) {
                n *= x.sizeAt(d);
            } else {
                outputs *= x.sizeAt(d);
            }
        }
        return n >= MIN_ROW && outputs > 1 && ReducePlan.copies(x, mask);
    }

    /**
     * {@code op} over the masked dims of float32 or float64 {@code x} into {@code out} (of the plan's
     * shape, written in order). Outputs are independent: a long input splits them over the pool, each
     * task with its own row, and every output gets the same kernel call as serially.
     */
    static void reduce(ReduceOp op, NDArray x, boolean[] mask, NDArray out) {
        int[][] red = dims(x, mask, true);
        int[][] kept = dims(x, mask, false);
        int n = Shapes.numel(red[0]);
        int outputs = Shapes.numel(kept[0]);
        int tasks = Math.min(outputs, FlatParallel.tasks(x.numel(), Parallel.getNumThreads(), Parallel.inParallelRegion()));
        if (tasks <= 1) {
            reduce(op, x, red, kept, n, 0, outputs, out);
        } else {
            Parallel.parallelFor(tasks, t -> reduce(op, x, red, kept, n,
                    (int) ((long) outputs * t / tasks), (int) ((long) outputs * (t + 1) / tasks), out));
        }
    }

    /** Outputs {@code [from, to)}: each one's row gathered into a buffer of this call's, then reduced. */
    private static void reduce(ReduceOp op, NDArray x, int[][] red, int[][] kept, int n, int from, int to, NDArray out) {
        int[] idx = new int[kept[0].length];
        int base = x.offset();
        for (int k = idx.length - 1, rest = from; k >= 0; k--) {
            idx[k] = rest % kept[0][k];
            rest /= kept[0][k];
            base += idx[k] * kept[1][k];
        }
        boolean isFloat = x.dtype() == DType.FLOAT32;
        Object row = isFloat ? new float[n] : new double[n];
        for (int o = from; o < to; o++) {
            gather(x.storage(), base, red, row, n);
            if (isFloat) {
                ((float[]) out.storage())[o] = K.reduce(op, (float[]) row, 0, 1, n);
            } else {
                ((double[]) out.storage())[o] = K.reduce(op, (double[]) row, 0, 1, n);
            }
            base = next(idx, kept, base);
        }
    }

    /** The next offset of an odometer over {@code dims} (sizes, strides), innermost last. */
    private static int next(int[] idx, int[][] dims, int off) {
        for (int k = idx.length - 1; k >= 0; k--) {
            off += dims[1][k];
            if (++idx[k] < dims[0][k]) {
                return off;
            }
            off -= dims[1][k] * dims[0][k];
            idx[k] = 0;
        }
        return off;
    }

    /** The {@code total} elements of the reduced dims (at least one) at {@code base}, row-major, into {@code row}; inner runs copied whole. */
    private static void gather(Object src, int base, int[][] red, Object row, int total) {
        int d = red[0].length;
        int inner = red[0][d - 1];
        int innerStride = red[1][d - 1];
        int[] idx = new int[d - 1];
        int[][] outer = {java.util.Arrays.copyOf(red[0], d - 1), java.util.Arrays.copyOf(red[1], d - 1)};
        int off = base;
        for (int pos = 0; pos < total; pos += inner) {
            if (innerStride == 1) {
                System.arraycopy(src, off, row, pos, inner);
            } else if (src instanceof float[]) {
                float[] s = (float[]) src;
                float[] r = (float[]) row;
                for (int i = 0; i < inner; i++) {
                    r[pos + i] = s[off + i * innerStride];
                }
            } else {
                double[] s = (double[]) src;
                double[] r = (double[]) row;
                for (int i = 0; i < inner; i++) {
                    r[pos + i] = s[off + i * innerStride];
                }
            }
            off = next(idx, outer, off);
        }
    }

    /**
     * {sizes, strides} of the reduced ({@code reduced}) or kept dims of size other than 1, in dim
     * order, neighbours merged where one is contiguous over the other (the row-major order is the same).
     */
    private static int[][] dims(NDArray x, boolean[] mask, boolean reduced) {
        int[] sizes = new int[x.dim()];
        int[] strides = new int[x.dim()];
        int m = 0;
        for (int d = 0; d < x.dim(); d++) {
            if (mask[d] == reduced && x.sizeAt(d) != 1) {
                if (m > 0 && strides[m - 1] == x.strideAt(d) * x.sizeAt(d)) {
                    sizes[m - 1] *= x.sizeAt(d);
                    strides[m - 1] = x.strideAt(d);
                } else {
                    sizes[m] = x.sizeAt(d);
                    strides[m] = x.strideAt(d);
                    m++;
                }
            }
        }
        return new int[][] {java.util.Arrays.copyOf(sizes, m), java.util.Arrays.copyOf(strides, m)};
    }
}
