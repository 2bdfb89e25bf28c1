package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.FloatConvFewTaps;
import dev.jtorch.tensor.kernel.FloatConvGemm;
import dev.jtorch.tensor.kernel.FloatConvInputGrad;
import dev.jtorch.tensor.kernel.FloatConvWeightGrad;
import dev.jtorch.tensor.kernel.GemmKernels;
import dev.jtorch.tensor.kernel.Kernels;

/**
 * The three products of a 2-d convolution lowered to {@link Kernels#GEMM}, per group, on chunks of
 * {@code S} samples whose column matrices sit side by side ({@code K x S*P}):
 * <ul>
 *   <li>forward: {@code y[chunk, g] = W_g [O/g, K] @ col(x[chunk, g]) [K, S*P]} (plus bias);</li>
 *   <li>input gradient: {@code gx[chunk, g] = col2im(W_g^T [K, O/g] @ gy[chunk, g] [O/g, S*P])};</li>
 *   <li>weight gradient: {@code gW_g = sum_chunks gy[chunk, g] [O/g, S*P] @ col(x[chunk, g])^T [S*P, K]}.</li>
 * </ul>
 * Chunks make each GEMM wide (about {@value #CHUNK_COLUMNS} columns) so the packed weight is reused
 * and fewer edge tiles are computed; the {@code [N, O, P]} layout of {@code y} and {@code gy} is
 * converted to and from {@code [O, S*P]} by row copies. Transposed operands are passed to the GEMM
 * as strides, never copied. A 1x1 stride-1 unpadded kernel uses the input (or writes the gradient)
 * in place of the column matrix, one sample at a time. Column and row buffers are per thread and
 * reused across calls.
 *
 * <p>With the SIMD kernels on, float32 products other than the 1x1 direct one skip all of this and
 * run the implicit-GEMM drivers ({@link FloatConvGemm}, {@link FloatConvInputGrad},
 * {@link FloatConvWeightGrad}) on each batch range: they pack GEMM micro-panels straight from the
 * image and gradients, fuse the bias and the col2im scatter, and never build the column matrix or
 * the {@code [O, S*P]} row copies. The path above remains for float64 and the scalar references.
 *
 * <p>Batches with enough work are split into a few contiguous ranges of samples on the
 * {@link Parallel} pool (each GEMM then runs on its task's thread); otherwise everything runs on the
 * calling thread and the GEMM may parallelise itself. For the (64, 32, 13, 13) x 64 3x3 benchmark
 * the batch split keeps both cores busy with no synchronisation inside the products. Weight
 * gradients of a range are summed into a per-task buffer; the buffers are then added in task order,
 * so results do not depend on thread timing. All arrays are contiguous, float32 or float64.
 */
final class ConvProducts {
    private ConvProducts() {}

    private static final GemmKernels K = Kernels.GEMM;
    /** Below this many multiply-adds in all, one thread does the whole batch. */
    private static final long PARALLEL_MIN_WORK = 1L << 20;

    private static final ThreadLocal<float[][]> FLOAT_COL = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});
    private static final ThreadLocal<double[][]> DOUBLE_COL = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    /** The calling thread's buffer {@code which} (0: columns, 1: rows of a chunk), at least {@code size} long. */
    private static Object colBuffer(DType t, int which, int size) {
        if (t == DType.FLOAT32) {
            float[][] holder = FLOAT_COL.get();
            if (holder[which].length < size) {
                holder[which] = new float[size];
            }
            return holder[which];
        }
        double[][] holder = DOUBLE_COL.get();
        if (holder[which].length < size) {
            holder[which] = new double[size];
        }
        return holder[which];
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

    /**
     * Samples per GEMM: enough that a chunk has about {@link #CHUNK_COLUMNS} output positions, so
     * each GEMM is wide (the packed weight is reused across the chunk, fewer edge tiles). A 1x1
     * direct kernel reads each sample in place, one at a time.
     */
    private static final int CHUNK_COLUMNS = 1024;

    private static int chunk(ConvGeometry g) {
        return g.direct() ? 1 : Math.max(1, Math.min(g.n, CHUNK_COLUMNS / Math.max(1, g.p())));
    }

    /** float32 products other than the 1x1 direct one go through the implicit-GEMM drivers when SIMD kernels are on. */
    private static boolean implicit(ConvGeometry g, DType t) {
        return t == DType.FLOAT32 && Kernels.VECTORIZED && !g.direct();
    }

    private static FloatConvGemm.Geometry implicitGeometry(ConvGeometry g) {
        return new FloatConvGemm.Geometry(g.cg(), g.h, g.w, g.kh, g.kw, g.sh, g.sw, g.ph, g.pw, g.dh, g.dw, g.oh, g.ow);
    }

    /** {@code y [N, O, OH, OW]} from contiguous {@code x}, {@code w} and optional 1-d {@code bias}. */
    static NDArray forward(NDArray x, NDArray w, NDArray bias, ConvGeometry g) {
        DType t = x.dtype();
        NDArray y = NDArray.empty(t, g.n, g.o, g.oh, g.ow);
        if (y.numel() == 0) {
            return y;
        }
        int kk = g.k();
        int p = g.p();
        int hw = g.h * g.w;
        if (implicit(g, t)) {
            FloatConvGemm.Geometry geo = implicitGeometry(g);
            NDArray b = bias == null ? null : bias.contiguous();
            float[] bs = b == null ? null : (float[]) b.storage();
            boolean fewTaps = FloatConvFewTaps.applies(geo);
            overBatch(g, tasks(g), (task, from, to) -> {
                for (int grp = 0; grp < g.groups; grp++) {
                    if (fewTaps) {
                        FloatConvFewTaps.forward(geo, g.og(), (float[]) w.storage(), w.offset() + grp * g.og() * kk,
                                bs, b == null ? 0 : b.offset() + grp * g.og(),
                                (float[]) x.storage(), x.offset() + (from * g.c + grp * g.cg()) * hw, g.c * hw, to - from,
                                (float[]) y.storage(), (from * g.o + grp * g.og()) * p, g.o * p);
                        continue;
                    }
                    FloatConvGemm.forward(geo, g.og(), (float[]) w.storage(), w.offset() + grp * g.og() * kk,
                            bs, b == null ? 0 : b.offset() + grp * g.og(),
                            (float[]) x.storage(), x.offset() + (from * g.c + grp * g.cg()) * hw, g.c * hw, to - from,
                            (float[]) y.storage(), (from * g.o + grp * g.og()) * p, g.o * p, false);
                }
            });
            return y;
        }
        if (bias != null) {
            fillBias(y.storage(), bias.contiguous(), g.n, g.o, g.p());
        }
        double beta = bias != null ? 1 : 0;
        int chunk = chunk(g);
        overBatch(g, tasks(g), (task, from, to) -> {
            Object col = g.direct() ? x.storage() : colBuffer(t, 0, kk * p * chunk);
            Object tmp = chunk > 1 ? colBuffer(t, 1, g.og() * p * chunk) : null;
            for (int s0 = from; s0 < to; s0 += chunk) {
                int ns = Math.min(chunk, to - s0);
                int cols = ns * p;
                for (int grp = 0; grp < g.groups; grp++) {
                    int wOff = w.offset() + grp * g.og() * kk;
                    int yOff = (s0 * g.o + grp * g.og()) * p;
                    if (g.direct()) {
                        gemm(t, g.og(), p, kk, w.storage(), wOff, kk, 1, col, x.offset() + (s0 * g.c + grp * g.cg()) * hw,
                                p, 1, beta, y.storage(), yOff, p);
                        continue;
                    }
                    for (int s = 0; s < ns; s++) {
                        Im2Col.im2col(x.storage(), x.offset() + ((s0 + s) * g.c + grp * g.cg()) * hw, col, s * p, cols, g);
                    }
                    if (ns == 1) {
                        gemm(t, g.og(), p, kk, w.storage(), wOff, kk, 1, col, 0, p, 1, beta, y.storage(), yOff, p);
                    } else {
                        gemm(t, g.og(), cols, kk, w.storage(), wOff, kk, 1, col, 0, cols, 1, 0, tmp, 0, cols);
                        scatterRows(tmp, cols, y.storage(), yOff, g.o * p, g.og(), ns, p, bias != null);
                    }
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
        if (implicit(g, t)) {
            FloatConvGemm.Geometry geo = implicitGeometry(g);
            overBatch(g, tasks(g), (task, from, to) -> {
                for (int grp = 0; grp < g.groups; grp++) {
                    FloatConvInputGrad.inputGrad(geo, g.og(), (float[]) w.storage(), w.offset() + grp * g.og() * kk,
                            (float[]) gy.storage(), gy.offset() + (from * g.o + grp * g.og()) * p, g.o * p, to - from,
                            (float[]) gx.storage(), (from * g.c + grp * g.cg()) * hw, g.c * hw);
                }
            });
            return gx;
        }
        int chunk = chunk(g);
        overBatch(g, tasks(g), (task, from, to) -> {
            Object col = g.direct() ? null : colBuffer(t, 0, kk * p * chunk);
            Object tmp = chunk > 1 ? colBuffer(t, 1, g.og() * p * chunk) : null;
            for (int s0 = from; s0 < to; s0 += chunk) {
                int ns = Math.min(chunk, to - s0);
                int cols = ns * p;
                for (int grp = 0; grp < g.groups; grp++) {
                    int wOff = w.offset() + grp * g.og() * kk;
                    int gyOff = gy.offset() + (s0 * g.o + grp * g.og()) * p;
                    int xOff = (s0 * g.c + grp * g.cg()) * hw;
                    if (g.direct()) {
                        gemm(t, kk, p, g.og(), w.storage(), wOff, 1, kk, gy.storage(), gyOff, p, 1, 0, gx.storage(), xOff, p);
                        continue;
                    }
                    Object b = gy.storage();
                    int bOff = gyOff;
                    if (ns > 1) {
                        gatherRows(gy.storage(), gyOff, g.o * p, tmp, cols, g.og(), ns, p);
                        b = tmp;
                        bOff = 0;
                    }
                    gemm(t, kk, cols, g.og(), w.storage(), wOff, 1, kk, b, bOff, cols, 1, 0, col, 0, cols);
                    for (int s = 0; s < ns; s++) {
                        Im2Col.col2im(col, s * p, cols, gx.storage(), ((s0 + s) * g.c + grp * g.cg()) * hw, g);
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
        int chunk = chunk(g);
        Object[] parts = new Object[tasks];
        parts[0] = gw.storage();
        if (implicit(g, t)) {
            FloatConvGemm.Geometry geo = implicitGeometry(g);
            overBatch(g, tasks, (task, from, to) -> {
                Object acc = task == 0 ? gw.storage() : (parts[task] = new float[g.o * kk]);
                for (int grp = 0; grp < g.groups; grp++) {
                    FloatConvWeightGrad.weightGrad(geo, g.og(), (float[]) gy.storage(),
                            gy.offset() + (from * g.o + grp * g.og()) * p, g.o * p, (float[]) x.storage(),
                            x.offset() + (from * g.c + grp * g.cg()) * hw, g.c * hw, to - from, (float[]) acc,
                            grp * g.og() * kk, false);
                }
            });
            for (int i = 1; i < tasks; i++) {
                addInto(gw.storage(), parts[i]);
            }
            return gw;
        }
        overBatch(g, tasks, (task, from, to) -> {
            Object acc = task == 0 ? gw.storage() : (parts[task] = NDArray.zeros(t, g.o * kk).storage());
            Object col = g.direct() ? x.storage() : colBuffer(t, 0, kk * p * chunk);
            Object tmp = chunk > 1 ? colBuffer(t, 1, g.og() * p * chunk) : null;
            for (int s0 = from; s0 < to; s0 += chunk) {
                int ns = Math.min(chunk, to - s0);
                int cols = ns * p;
                double beta = s0 == from ? 0 : 1;
                for (int grp = 0; grp < g.groups; grp++) {
                    int gyOff = gy.offset() + (s0 * g.o + grp * g.og()) * p;
                    int xOff = x.offset() + (s0 * g.c + grp * g.cg()) * hw;
                    if (g.direct()) {
                        gemm(t, g.og(), kk, p, gy.storage(), gyOff, p, 1, col, xOff, 1, p, beta, acc, grp * g.og() * kk, kk);
                        continue;
                    }
                    for (int s = 0; s < ns; s++) {
                        Im2Col.im2col(x.storage(), xOff + s * g.c * hw, col, s * p, cols, g);
                    }
                    Object a = gy.storage();
                    int aOff = gyOff;
                    if (ns > 1) {
                        gatherRows(gy.storage(), gyOff, g.o * p, tmp, cols, g.og(), ns, p);
                        a = tmp;
                        aOff = 0;
                    }
                    gemm(t, g.og(), kk, cols, a, aOff, cols, 1, col, 0, 1, cols, beta, acc, grp * g.og() * kk, kk);
                }
            }
        });
        for (int i = 1; i < tasks; i++) {
            if (parts[i] != null) {
                addInto(gw.storage(), parts[i]);
            }
        }
        return gw;
    }

    /** Every plane {@code (s, o)} of {@code y [n, o, p]} set to {@code bias[o]} (a broadcast copy walks it element by element). */
    private static void fillBias(Object y, NDArray bias, int n, int o, int p) {
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < o; c++) {
                int from = (s * o + c) * p;
                if (y instanceof float[]) {
                    java.util.Arrays.fill((float[]) y, from, from + p, ((float[]) bias.storage())[bias.offset() + c]);
                } else {
                    java.util.Arrays.fill((double[]) y, from, from + p, ((double[]) bias.storage())[bias.offset() + c]);
                }
            }
        }
    }

    /**
     * From {@code src [rows, ns * p]} (sample {@code s}'s block at column {@code s * p}) to
     * {@code dst} where sample {@code s}, row {@code r} starts at {@code dstOff + s * sampleStride + r * p};
     * added to what {@code dst} holds (the bias) when {@code accumulate}.
     */
    private static void scatterRows(Object src, int ld, Object dst, int dstOff, int sampleStride, int rows, int ns,
                                    int p, boolean accumulate) {
        for (int s = 0; s < ns; s++) {
            for (int r = 0; r < rows; r++) {
                int from = r * ld + s * p;
                int to = dstOff + s * sampleStride + r * p;
                if (!accumulate) {
                    System.arraycopy(src, from, dst, to, p);
                } else if (dst instanceof float[]) {
                    float[] d = (float[]) dst;
                    float[] sr = (float[]) src;
                    for (int i = 0; i < p; i++) {
                        d[to + i] += sr[from + i];
                    }
                } else {
                    double[] d = (double[]) dst;
                    double[] sr = (double[]) src;
                    for (int i = 0; i < p; i++) {
                        d[to + i] += sr[from + i];
                    }
                }
            }
        }
    }

    /** The inverse layout change of {@link #scatterRows}: samples' rows side by side in {@code dst [rows, ns * p]}. */
    private static void gatherRows(Object src, int srcOff, int sampleStride, Object dst, int ld, int rows, int ns, int p) {
        for (int s = 0; s < ns; s++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, srcOff + s * sampleStride + r * p, dst, r * ld + s * p, p);
            }
        }
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
