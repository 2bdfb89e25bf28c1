package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.ReductionKernels;

/**
 * {@code torch.softmax} and {@code torch.log_softmax} over one dim, with PyTorch's CPU kernel
 * split: the last dim runs fused row kernels; another dim views the contiguous input as
 * {@code (outer, dim, inner)} and runs the column-block kernel on each {@code dim x inner} block
 * (max, sum of exp and the result kept per column, a vector of columns at a time).
 */
final class Softmax {
    private Softmax() {}

    private static final ReductionKernels K = Kernels.REDUCTION;

    static NDArray softmax(NDArray x, int dim, boolean log) {
        int d = Shapes.wrapDim(dim, x.dim());
        NDArray out = Elementwise.rowMajor(x) ? x.emptyRowMajorLike(x.dtype()) : NDArray.empty(x.dtype(), x.sizes());
        if (x.numel() == 0) {
            return out; // PyTorch returns before dispatching on the dtype, so even int64 passes here
        }
        boolean lastDim = x.dim() == 0 || d == x.dim() - 1;
        if (!x.dtype().isFloatingPoint()) {
            String kernel = lastDim ? (log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl")
                    : "softmax_kernel_impl"; // sic: PyTorch's log_softmax reuses this name off the last dim
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        NDArray c = x.contiguous();
        int size = x.dim() == 0 ? 1 : x.sizeAt(d);
        int innerSize = 1;
        for (int i = d + 1; i < x.dim(); i++) {
            innerSize *= x.sizeAt(i);
        }
        int inner = innerSize;
        int outer = x.numel() / (size * inner);
        int block = size * inner;
        int co = c.offset();
        // blocks are independent: long inputs split them over the pool (same bits at any thread count)
        int tasks = Math.min(outer, FlatParallel.tasks(x.numel(), Parallel.getNumThreads(), Parallel.inParallelRegion()));
        if (tasks <= 1) {
            blocks(c, out, co, 0, outer, block, size, inner, lastDim, log);
        } else {
            Parallel.parallelFor(tasks, t -> blocks(c, out, co, (int) ((long) outer * t / tasks),
                    (int) ((long) outer * (t + 1) / tasks), block, size, inner, lastDim, log));
        }
        return out;
    }

    /** Blocks {@code [from, to)} of {@code outer}, each a row ({@code lastDim}) or a {@code size x inner} column block. */
    private static void blocks(NDArray c, NDArray out, int co, int from, int to, int block, int size, int inner,
                               boolean lastDim, boolean log) {
        if (c.dtype() == DType.FLOAT32) {
            float[] a = (float[]) c.storage();
            float[] o = (float[]) out.storage();
            for (int b = from; b < to; b++) {
                if (lastDim) {
                    K.softmax(a, co + b * block, o, b * block, size, log);
                } else {
                    K.softmaxColumns(a, co + b * block, o, b * block, size, inner, log);
                }
            }
        } else {
            double[] a = (double[]) c.storage();
            double[] o = (double[]) out.storage();
            for (int b = from; b < to; b++) {
                if (lastDim) {
                    K.softmax(a, co + b * block, o, b * block, size, log);
                } else {
                    K.softmaxColumns(a, co + b * block, o, b * block, size, inner, log);
                }
            }
        }
    }
}
