package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.GemmKernels;
import dev.jtorch.tensor.kernel.Kernels;

/**
 * The three products of a 2-d convolution lowered to {@link Kernels#GEMM}, per sample and group:
 * <ul>
 *   <li>forward: {@code y[n, g] = W_g [O/g, K] @ col(x[n, g]) [K, P]} (plus bias);</li>
 *   <li>input gradient: {@code gx[n, g] = col2im(W_g^T [K, O/g] @ gy[n, g] [O/g, P])};</li>
 *   <li>weight gradient: {@code gW_g = sum_n gy[n, g] [O/g, P] @ col(x[n, g])^T [P, K]}.</li>
 * </ul>
 * Transposed operands are passed to the GEMM as strides, never copied. A 1x1 stride-1 unpadded
 * kernel uses the input (or writes the gradient) in place of the column matrix. The column matrix
 * lives in a per-thread buffer reused across calls.
 *
 * <p>Batches of two or more samples with enough work are split into a few contiguous ranges of
 * samples on the {@link Parallel} pool (each GEMM then runs on its task's thread); a single sample
 * runs on the calling thread and lets the GEMM parallelise itself. Measured on the 2-core machine
 * for the (64, 32, 13, 13) x 64 3x3 benchmark: splitting the batch beat splitting inside each
 * (small: 64 x 121 x 288) GEMM. Weight gradients of a range are summed into a per-task buffer;
 * the buffers are then added in task order, so results do not depend on thread timing.
 * All arrays are contiguous, float32 or float64.
 */
final class ConvProducts {
    private ConvProducts() {}

    private static final GemmKernels K = Kernels.GEMM;
    /** Below this many multiply-adds in all, one thread does the whole batch. */
    private static final long PARALLEL_MIN_WORK = 1L << 20;

    private static final ThreadLocal<float[][]> FLOAT_COL = ThreadLocal.withInitial(() -> new float[][] {new float[0]});
    private static final ThreadLocal<double[][]> DOUBLE_COL = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    /** The calling thread's column buffer, at least {@code size} long (grown, never shrunk). */
    private static Object colBuffer(DType t, int size) {
        if (t == DType.FLOAT32) {
            float[][] holder = FLOAT_COL.get();
            if (holder[0].length < size) {
                holder[0] = new float[size];
            }
            return holder[0];
        }
        double[][] holder = DOUBLE_COL.get();
        if (holder[0].length < size) {
            holder[0] = new double[size];
        }
        return holder[0];
    }

    /** Number of batch ranges: 1 (GEMM may parallelise) or up to two per thread. */
    private static int tasks(ConvGeometry g) {
        if (g.n < 2 || g.work() < PARALLEL_MIN_WORK || Parallel.inParallelRegion()) {
            return 1;
        }
        int threads = Parallel.getNumThreads();
        return threads <= 1 ? 1 : Math.min(g.n, 2 * threads);
    }

    /** Runs {@code body(task, nFrom, nTo)} over ranges of samples; one task runs on this thread directly. */
    private static void overBatch(ConvGeometry g, int tasks, RangeBody body) {
        if (tasks == 1) {
            body.run(0, 0, g.n);
            return;
        }
        Parallel.parallelFor(tasks, t -> body.run(t, (int) ((long) g.n * t / tasks), (int) ((long) g.n * (t + 1) / tasks)));
    }

    @FunctionalInterface
    private interface RangeBody {
        void run(int task, int from, int to);
    }

    /** {@code y [N, O, OH, OW]} from contiguous {@code x}, {@code w} and optional 1-d {@code bias}. */
    static NDArray forward(NDArray x, NDArray w, NDArray bias, ConvGeometry g) {
        DType t = x.dtype();
        NDArray y = NDArray.empty(t, g.n, g.o, g.oh, g.ow);
        if (y.numel() == 0) {
            return y;
        }
        if (bias != null) {
            y.copy_(bias.contiguous().view(1, g.o, 1, 1));
        }
        double beta = bias != null ? 1 : 0;
        int kk = g.k();
        int p = g.p();
        int hw = g.h * g.w;
        overBatch(g, tasks(g), (task, from, to) -> {
            Object col = g.direct() ? x.storage() : colBuffer(t, kk * p);
            for (int s = from; s < to; s++) {
                for (int grp = 0; grp < g.groups; grp++) {
                    int xOff = x.offset() + (s * g.c + grp * g.cg()) * hw;
                    int colOff = xOff;
                    if (!g.direct()) {
                        Im2Col.im2col(x.storage(), xOff, col, g);
                        colOff = 0;
                    }
                    gemm(t, g.og(), p, kk, w.storage(), w.offset() + grp * g.og() * kk, kk, 1,
                            col, colOff, p, 1, beta, y.storage(), (s * g.o + grp * g.og()) * p, p);
                }
            }
        });
        return y;
    }

    /** {@code gx [N, C, H, W]} from contiguous {@code gy [N, O, OH, OW]} and {@code w}. */
    static NDArray backwardInput(NDArray gy, NDArray w, ConvGeometry g) {
        DType t = gy.dtype();
        NDArray gx = NDArray.zeros(t, g.n, g.c, g.h, g.w);
        if (gx.numel() == 0 || gy.numel() == 0) {
            return gx;
        }
        int kk = g.k();
        int p = g.p();
        int hw = g.h * g.w;
        overBatch(g, tasks(g), (task, from, to) -> {
            Object col = g.direct() ? null : colBuffer(t, kk * p);
            for (int s = from; s < to; s++) {
                for (int grp = 0; grp < g.groups; grp++) {
                    int xOff = (s * g.c + grp * g.cg()) * hw;
                    Object dst = g.direct() ? gx.storage() : col;
                    gemm(t, kk, p, g.og(), w.storage(), w.offset() + grp * g.og() * kk, 1, kk,
                            gy.storage(), gy.offset() + (s * g.o + grp * g.og()) * p, p, 1,
                            0, dst, g.direct() ? xOff : 0, p);
                    if (!g.direct()) {
                        Im2Col.col2im(col, gx.storage(), xOff, g);
                    }
                }
            }
        });
        return gx;
    }

    /** {@code gW [O, C/groups, kh, kw]} from contiguous {@code gy [N, O, OH, OW]} and {@code x}. */
    static NDArray backwardWeight(NDArray gy, NDArray x, ConvGeometry g) {
        DType t = gy.dtype();
        NDArray gw = NDArray.zeros(t, g.o, g.cg(), g.kh, g.kw);
        if (gw.numel() == 0 || g.n == 0 || g.p() == 0) {
            return gw;
        }
        int kk = g.k();
        int p = g.p();
        int hw = g.h * g.w;
        int tasks = tasks(g);
        Object[] parts = new Object[tasks];
        parts[0] = gw.storage();
        overBatch(g, tasks, (task, from, to) -> {
            Object acc = task == 0 ? gw.storage() : (parts[task] = NDArray.zeros(t, g.o * kk).storage());
            Object col = g.direct() ? x.storage() : colBuffer(t, kk * p);
            for (int s = from; s < to; s++) {
                for (int grp = 0; grp < g.groups; grp++) {
                    int xOff = x.offset() + (s * g.c + grp * g.cg()) * hw;
                    int colOff = xOff;
                    if (!g.direct()) {
                        Im2Col.im2col(x.storage(), xOff, col, g);
                        colOff = 0;
                    }
                    gemm(t, g.og(), kk, p, gy.storage(), gy.offset() + (s * g.o + grp * g.og()) * p, p, 1,
                            col, colOff, 1, p, s == from ? 0 : 1, acc, grp * g.og() * kk, kk);
                }
            }
        });
        for (int i = 1; i < tasks; i++) {
            addInto(gw.storage(), parts[i]);
        }
        return gw;
    }

    private static void addInto(Object dst, Object src) {
        if (dst instanceof float[]) {
            float[] d = (float[]) dst;
            float[] s = (float[]) src;
            for (int i = 0; i < d.length; i++) {
                d[i] += s[i];
            }
        } else {
            double[] d = (double[]) dst;
            double[] s = (double[]) src;
            for (int i = 0; i < d.length; i++) {
                d[i] += s[i];
            }
        }
    }

    private static void gemm(DType t, int m, int n, int k, Object a, int aOff, int aRs, int aCs,
                             Object b, int bOff, int bRs, int bCs, double beta, Object c, int cOff, int ldc) {
        if (t == DType.FLOAT32) {
            K.sgemm(m, n, k, 1f, (float[]) a, aOff, aRs, aCs, (float[]) b, bOff, bRs, bCs,
                    (float) beta, (float[]) c, cOff, ldc);
        } else {
            K.dgemm(m, n, k, 1d, (double[]) a, aOff, aRs, aCs, (double[]) b, bOff, bRs, bCs,
                    beta, (double[]) c, cOff, ldc);
        }
    }
}
