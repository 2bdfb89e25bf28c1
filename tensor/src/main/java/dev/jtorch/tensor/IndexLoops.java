package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.ElementwiseKernels;
import dev.jtorch.tensor.kernel.Kernels;

/**
 * Typed inner loops for index-driven moves (gather, scatter, index_add, index_fill, masked_select).
 * Each call handles one row from {@link Loops#forEachRow}: one dtype dispatch per row, no boxing.
 * Offsets and strides are in elements of the raw storage; {@code idx[x + i * xInc]} is the index
 * for element {@code i}, already validated by the caller, and {@code dimStride} is the stride of
 * the indexed dim in the operand being indexed. When {@code xInc == 0} the whole row shares one
 * index, so gather and scatter become a block move ({@link Convert#copyRow}: {@code System.arraycopy}
 * when both rows are contiguous) and a floating scatter-add with alpha 1 the SIMD elementwise add.
 */
final class IndexLoops {
    private IndexLoops() {}

    private static final ElementwiseKernels K = Kernels.ELEMENTWISE;

    /** {@code dst[d + i*dInc] = src[s + i*sInc + idx[x + i*xInc] * dimStride]}. */
    static void gather(DType t, Object dst, int d, int dInc, Object src, int s, int sInc,
                       long[] idx, int x, int xInc, int dimStride, int n) {
        if (xInc == 0) {
            Convert.copyRow(dst, t, d, dInc, src, t, s + (int) idx[x] * dimStride, sInc, n);
        } else if (dst instanceof float[]) {
            float[] o = (float[]) dst;
            float[] a = (float[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc] = a[s + i * sInc + (int) idx[x + i * xInc] * dimStride];
            }
        } else if (dst instanceof double[]) {
            double[] o = (double[]) dst;
            double[] a = (double[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc] = a[s + i * sInc + (int) idx[x + i * xInc] * dimStride];
            }
        } else if (dst instanceof long[]) {
            long[] o = (long[]) dst;
            long[] a = (long[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc] = a[s + i * sInc + (int) idx[x + i * xInc] * dimStride];
            }
        } else {
            byte[] o = (byte[]) dst;
            byte[] a = (byte[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc] = a[s + i * sInc + (int) idx[x + i * xInc] * dimStride];
            }
        }
    }

    /** {@code dst[d + i*dInc + idx[x + i*xInc] * dimStride] = src[s + i*sInc]}; later writes win. */
    static void scatter(DType t, Object dst, int d, int dInc, Object src, int s, int sInc,
                        long[] idx, int x, int xInc, int dimStride, int n) {
        if (xInc == 0) {
            Convert.copyRow(dst, t, d + (int) idx[x] * dimStride, dInc, src, t, s, sInc, n);
        } else if (dst instanceof float[]) {
            float[] o = (float[]) dst;
            float[] a = (float[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = a[s + i * sInc];
            }
        } else if (dst instanceof double[]) {
            double[] o = (double[]) dst;
            double[] a = (double[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = a[s + i * sInc];
            }
        } else if (dst instanceof long[]) {
            long[] o = (long[]) dst;
            long[] a = (long[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = a[s + i * sInc];
            }
        } else {
            byte[] o = (byte[]) dst;
            byte[] a = (byte[]) src;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = a[s + i * sInc];
            }
        }
    }

    /**
     * {@code dst[d + i*dInc + idx[x + i*xInc] * dimStride] += alpha * src[s + i*sInc]}, in element
     * order (so duplicate indices accumulate in index order, as PyTorch's CPU loops do). Alpha is
     * cast to the dtype first ({@code alpha.to<scalar_t>()}); for bool, addition is logical or.
     * With {@code fused}, floating {@code self + alpha * src} is one fused multiply-add, as in
     * PyTorch's vectorized {@code add_} ({@code vec::fmadd}) that {@code index_add_} uses for
     * tensors of 2+ dims; its 1-d loop rounds the product first.
     */
    static void scatterAdd(Object dst, int d, int dInc, Object src, int s, int sInc,
                           long[] idx, int x, int xInc, int dimStride, double alpha, boolean fused, int n) {
        if (dst instanceof float[]) {
            addFloat((float[]) dst, d, dInc, (float[]) src, s, sInc, idx, x, xInc, dimStride, (float) alpha, fused, n);
        } else if (dst instanceof double[]) {
            addDouble((double[]) dst, d, dInc, (double[]) src, s, sInc, idx, x, xInc, dimStride, alpha, fused, n);
        } else if (dst instanceof long[]) {
            long[] o = (long[]) dst;
            long[] a = (long[]) src;
            long al = (long) alpha;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] += al * a[s + i * sInc];
            }
        } else {
            byte[] o = (byte[]) dst;
            byte[] a = (byte[]) src;
            int al = alpha != 0 ? 1 : 0;
            for (int i = 0; i < n; i++) {
                int p = d + i * dInc + (int) idx[x + i * xInc] * dimStride;
                o[p] = (byte) (o[p] | (al & a[s + i * sInc]));
            }
        }
    }

    private static void addFloat(float[] o, int d, int dInc, float[] a, int s, int sInc,
                                 long[] idx, int x, int xInc, int dimStride, float alpha, boolean fused, int n) {
        if (xInc == 0) {
            addFloatRow(o, d + (int) idx[x] * dimStride, dInc, a, s, sInc, alpha, fused, n);
        } else if (alpha == 1f) {
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] += a[s + i * sInc];
            }
        } else if (fused) {
            for (int i = 0; i < n; i++) {
                int p = d + i * dInc + (int) idx[x + i * xInc] * dimStride;
                o[p] = Math.fma(alpha, a[s + i * sInc], o[p]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] += alpha * a[s + i * sInc];
            }
        }
    }

    /** A whole row added into one slice, {@code o[base + i*dInc] += alpha * a[s + i*sInc]}: SIMD when alpha is 1. */
    private static void addFloatRow(float[] o, int base, int dInc, float[] a, int s, int sInc, float alpha, boolean fused, int n) {
        if (alpha == 1f) {
            K.binary(BinaryOp.ADD, o, base, dInc, a, s, sInc, o, base, dInc, n); // a never aliases o: callers copy it
        } else if (fused) {
            for (int i = 0; i < n; i++) {
                int p = base + i * dInc;
                o[p] = Math.fma(alpha, a[s + i * sInc], o[p]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[base + i * dInc] += alpha * a[s + i * sInc];
            }
        }
    }

    private static void addDouble(double[] o, int d, int dInc, double[] a, int s, int sInc,
                                  long[] idx, int x, int xInc, int dimStride, double alpha, boolean fused, int n) {
        if (xInc == 0) {
            addDoubleRow(o, d + (int) idx[x] * dimStride, dInc, a, s, sInc, alpha, fused, n);
        } else if (alpha == 1d) {
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] += a[s + i * sInc];
            }
        } else if (fused) {
            for (int i = 0; i < n; i++) {
                int p = d + i * dInc + (int) idx[x + i * xInc] * dimStride;
                o[p] = Math.fma(alpha, a[s + i * sInc], o[p]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] += alpha * a[s + i * sInc];
            }
        }
    }

    /** A whole row added into one slice, {@code o[base + i*dInc] += alpha * a[s + i*sInc]}: SIMD when alpha is 1. */
    private static void addDoubleRow(double[] o, int base, int dInc, double[] a, int s, int sInc, double alpha, boolean fused, int n) {
        if (alpha == 1d) {
            K.binary(BinaryOp.ADD, o, base, dInc, a, s, sInc, o, base, dInc, n); // a never aliases o: callers copy it
        } else if (fused) {
            for (int i = 0; i < n; i++) {
                int p = base + i * dInc;
                o[p] = Math.fma(alpha, a[s + i * sInc], o[p]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[base + i * dInc] += alpha * a[s + i * sInc];
            }
        }
    }

    /** {@code dst[d + i*dInc + idx[x + i*xInc] * dimStride] = value} (value cast to the dtype). */
    static void scatterFill(Object dst, int d, int dInc, long[] idx, int x, int xInc, int dimStride,
                            double value, int n) {
        if (dst instanceof float[]) {
            float[] o = (float[]) dst;
            float v = (float) value;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = v;
            }
        } else if (dst instanceof double[]) {
            double[] o = (double[]) dst;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = value;
            }
        } else if (dst instanceof long[]) {
            long[] o = (long[]) dst;
            long v = (long) value;
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = v;
            }
        } else {
            byte[] o = (byte[]) dst;
            byte v = (byte) (value != 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                o[d + i * dInc + (int) idx[x + i * xInc] * dimStride] = v;
            }
        }
    }

    /**
     * Appends {@code src[s + i*sInc]} to {@code dst} at {@code k, k+1, ...} for each {@code i} whose
     * mask byte {@code mask[m + i*mInc]} is nonzero; returns the next free position.
     */
    static int maskedSelect(Object dst, int k, Object src, int s, int sInc, byte[] mask, int m, int mInc, int n) {
        if (dst instanceof float[]) {
            float[] o = (float[]) dst;
            float[] a = (float[]) src;
            for (int i = 0; i < n; i++) {
                if (mask[m + i * mInc] != 0) {
                    o[k++] = a[s + i * sInc];
                }
            }
        } else if (dst instanceof double[]) {
            double[] o = (double[]) dst;
            double[] a = (double[]) src;
            for (int i = 0; i < n; i++) {
                if (mask[m + i * mInc] != 0) {
                    o[k++] = a[s + i * sInc];
                }
            }
        } else if (dst instanceof long[]) {
            long[] o = (long[]) dst;
            long[] a = (long[]) src;
            for (int i = 0; i < n; i++) {
                if (mask[m + i * mInc] != 0) {
                    o[k++] = a[s + i * sInc];
                }
            }
        } else {
            byte[] o = (byte[]) dst;
            byte[] a = (byte[]) src;
            for (int i = 0; i < n; i++) {
                if (mask[m + i * mInc] != 0) {
                    o[k++] = a[s + i * sInc];
                }
            }
        }
        return k;
    }

    /** Number of elements of the row that are nonzero (NaN counts as nonzero, as in C++). */
    static int countNonzero(Object src, int s, int sInc, int n) {
        int c = 0;
        if (src instanceof float[]) {
            float[] a = (float[]) src;
            for (int i = 0; i < n; i++) {
                c += a[s + i * sInc] != 0f ? 1 : 0;
            }
        } else if (src instanceof double[]) {
            double[] a = (double[]) src;
            for (int i = 0; i < n; i++) {
                c += a[s + i * sInc] != 0d ? 1 : 0;
            }
        } else if (src instanceof long[]) {
            long[] a = (long[]) src;
            for (int i = 0; i < n; i++) {
                c += a[s + i * sInc] != 0L ? 1 : 0;
            }
        } else {
            byte[] a = (byte[]) src;
            for (int i = 0; i < n; i++) {
                c += a[s + i * sInc] != 0 ? 1 : 0;
            }
        }
        return c;
    }

    /** Writes the row positions {@code i} whose element is nonzero into {@code pos}; returns how many. */
    static int nonzeroPositions(Object src, int s, int sInc, int n, int[] pos) {
        int c = 0;
        if (src instanceof float[]) {
            float[] a = (float[]) src;
            for (int i = 0; i < n; i++) {
                if (a[s + i * sInc] != 0f) {
                    pos[c++] = i;
                }
            }
        } else if (src instanceof double[]) {
            double[] a = (double[]) src;
            for (int i = 0; i < n; i++) {
                if (a[s + i * sInc] != 0d) {
                    pos[c++] = i;
                }
            }
        } else if (src instanceof long[]) {
            long[] a = (long[]) src;
            for (int i = 0; i < n; i++) {
                if (a[s + i * sInc] != 0L) {
                    pos[c++] = i;
                }
            }
        } else {
            byte[] a = (byte[]) src;
            for (int i = 0; i < n; i++) {
                if (a[s + i * sInc] != 0) {
                    pos[c++] = i;
                }
            }
        }
        return c;
    }

}
