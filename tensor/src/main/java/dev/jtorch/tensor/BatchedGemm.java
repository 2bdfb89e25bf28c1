package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.GemmKernels;
import dev.jtorch.tensor.kernel.Kernels;

/**
 * Runs {@link Kernels#GEMM} on {@code NDArray} operands of any dtype jtorch multiplies
 * (float32, float64, int64), one matrix or a batch of them, straight from their strides: a
 * transposed, sliced or broadcast (stride 0) operand is never copied. Batches of small matrices
 * are spread over the {@link Parallel} pool; a large matrix is parallelised inside the kernel.
 */
final class BatchedGemm {
    private BatchedGemm() {}

    private static final GemmKernels K = Kernels.GEMM;
    /** Matches the kernel's own threshold: below this many multiply-adds stay on one thread. */
    private static final long PARALLEL_MIN_WORK = 1L << 20;

    /**
     * {@code out = alpha * a @ b + beta * out} for 2-d {@code a} ({@code m x k}), {@code b}
     * ({@code k x n}) and a contiguous 2-d {@code out}, all of dtype {@code out.dtype()}.
     */
    static void mm(NDArray a, NDArray b, NDArray out, double alpha, double beta) {
        int m = a.sizeAt(0);
        int k = a.sizeAt(1);
        int n = b.sizeAt(1);
        run(out.dtype(), m, n, k, alpha, a.storage(), a.offset(), a.strideAt(0), a.strideAt(1),
                b.storage(), b.offset(), b.strideAt(0), b.strideAt(1), beta, out.storage(), out.offset(), n);
    }

    /**
     * For each batch {@code i}: {@code out[i] = a[i] @ b[i]}, where matrix {@code i} of {@code a}
     * starts at {@code aOffs[i]} with strides ({@code aRs}, {@code aCs}), likewise {@code b}, and
     * {@code out} is a contiguous {@code [batch, m, n]} array.
     */
    static void batch(NDArray out, int m, int n, int k, NDArray a, int[] aOffs, int aRs, int aCs,
                      NDArray b, int[] bOffs, int bRs, int bCs) {
        int batch = aOffs.length;
        long work = (long) m * n * k;
        int tasks = 1;
        if (batch > 1 && work < PARALLEL_MIN_WORK && work * batch >= PARALLEL_MIN_WORK) {
            tasks = (int) Math.min(Math.min(batch, 2L * Parallel.getNumThreads()), work * batch / (PARALLEL_MIN_WORK / 2));
        }
        int parts = Math.max(1, tasks);
        int mn = m * n;
        Parallel.parallelFor(parts, t -> {
            int from = (int) ((long) batch * t / parts);
            int to = (int) ((long) batch * (t + 1) / parts);
            for (int i = from; i < to; i++) {
                run(out.dtype(), m, n, k, 1, a.storage(), aOffs[i], aRs, aCs, b.storage(), bOffs[i], bRs, bCs,
                        0, out.storage(), out.offset() + i * mn, n);
            }
        });
    }

    /** Storage offsets of each batch entry of {@code a}, whose leading dims broadcast to {@code batchShape}. */
    static int[] batchOffsets(NDArray a, int[] batchShape) {
        int batch = Shapes.numel(batchShape);
        int[] offs = new int[batch];
        int nb = batchShape.length;
        int lead = a.dim() - 2;
        int[] st = new int[nb];
        for (int d = 0; d < lead; d++) {
            int bd = d + nb - lead;
            st[bd] = a.sizeAt(d) == 1 ? 0 : a.strideAt(d);
        }
        int[] idx = new int[nb];
        int off = a.offset();
        for (int i = 0; i < batch; i++) {
            offs[i] = off;
            for (int d = nb - 1; d >= 0; d--) {
                if (++idx[d] < batchShape[d]) {
                    off += st[d];
                    break;
                }
                off -= st[d] * (batchShape[d] - 1);
                idx[d] = 0;
            }
        }
        return offs;
    }

    private static void run(DType t, int m, int n, int k, double alpha, Object a, int aOff, int aRs, int aCs,
                            Object b, int bOff, int bRs, int bCs, double beta, Object c, int cOff, int ldc) {
        switch (t) {
            case FLOAT32:
                K.sgemm(m, n, k, (float) alpha, (float[]) a, aOff, aRs, aCs, (float[]) b, bOff, bRs, bCs,
                        (float) beta, (float[]) c, cOff, ldc);
                break;
            case FLOAT64:
                K.dgemm(m, n, k, alpha, (double[]) a, aOff, aRs, aCs, (double[]) b, bOff, bRs, bCs,
                        beta, (double[]) c, cOff, ldc);
                break;
            case INT64:
                // PyTorch converts the scalars to the tensor's type: 2.7 -> 2, -1.7 -> -1
                K.lgemm(m, n, k, (long) alpha, (long[]) a, aOff, aRs, aCs, (long[]) b, bOff, bRs, bCs,
                        (long) beta, (long[]) c, cOff, ldc);
                break;
            default:
                throw new IllegalStateException("no GEMM for " + t);
        }
    }
}
