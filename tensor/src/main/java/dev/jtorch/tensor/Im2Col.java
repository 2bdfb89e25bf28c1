package dev.jtorch.tensor;

/**
 * The column matrix of a convolution and its adjoint, for one sample and one group.
 * {@code im2col} writes the {@code K x P} matrix ({@code K = C/groups * kh * kw} rows ordered
 * channel, kernel row, kernel column; {@code P = OH * OW} columns) whose product with the
 * {@code [O/groups, K]} weight is the convolution; padding reads as zero. {@code col2im} adds a
 * column matrix back into the input positions it was read from (the input-gradient scatter).
 * Rows of stride-1 convolutions are block copies; the valid output range of each kernel column
 * is computed once, so the inner loops carry no bounds checks.
 */
final class Im2Col {
    private Im2Col() {}

    /** First output column whose input column {@code ow * sw + iw0} is {@code >= 0}, clamped to [0, ow]. */
    static int lo(int iw0, int sw, int outW) {
        return iw0 >= 0 ? 0 : Math.min(outW, (-iw0 + sw - 1) / sw);
    }

    /** One past the last output column whose input column is {@code < w}, at least {@code lo}. */
    static int hi(int iw0, int sw, int w, int outW, int lo) {
        int hi = iw0 > w - 1 ? 0 : Math.min(outW, (w - 1 - iw0) / sw + 1);
        return Math.max(hi, lo);
    }

    static void im2col(Object x, int xOff, Object col, int colOff, int ld, ConvGeometry g) {
        if (x instanceof float[]) {
            im2col((float[]) x, xOff, (float[]) col, colOff, ld, g);
        } else {
            im2col((double[]) x, xOff, (double[]) col, colOff, ld, g);
        }
    }

    static void col2im(Object col, int colOff, int ld, Object x, int xOff, ConvGeometry g) {
        if (x instanceof float[]) {
            col2im((float[]) col, colOff, ld, (float[]) x, xOff, g);
        } else {
            col2im((double[]) col, colOff, ld, (double[]) x, xOff, g);
        }
    }

    /**
     * {@code col[K, P]} from the {@code C/groups} channels of {@code x} starting at {@code xOff}:
     * row {@code r} of the matrix starts at {@code col[colOff + r * ld]} (several samples side by side
     * share rows of length {@code ld}).
     */
    static void im2col(float[] x, int xOff, float[] col, int colOff, int ld, ConvGeometry g) {
        int outW = g.ow;
        int row = 0;
        for (int ch = 0; ch < g.cg(); ch++) {
            int plane = xOff + ch * g.h * g.w;
            for (int ki = 0; ki < g.kh; ki++) {
                for (int kj = 0; kj < g.kw; kj++, row++) {
                    int iw0 = kj * g.dw - g.pw;
                    int lo = lo(iw0, g.sw, outW);
                    int hi = hi(iw0, g.sw, g.w, outW, lo);
                    int dst = colOff + row * ld;
                    for (int r = 0; r < g.oh; r++, dst += outW) {
                        int ih = r * g.sh - g.ph + ki * g.dh;
                        if (ih < 0 || ih >= g.h) {
                            for (int q = 0; q < outW; q++) {
                                col[dst + q] = 0f;
                            }
                            continue;
                        }
                        // plain loops: rows are short (tens of elements), where call overhead dominates
                        int src = plane + ih * g.w + iw0;
                        for (int q = 0; q < lo; q++) {
                            col[dst + q] = 0f;
                        }
                        if (g.sw == 1) {
                            for (int q = lo; q < hi; q++) {
                                col[dst + q] = x[src + q];
                            }
                        } else {
                            for (int q = lo; q < hi; q++) {
                                col[dst + q] = x[src + q * g.sw];
                            }
                        }
                        for (int q = hi; q < outW; q++) {
                            col[dst + q] = 0f;
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code col[K, P]} (rows {@code ld} apart from {@code colOff}) into the {@code C/groups} channels of {@code x} at {@code xOff}. */
    static void col2im(float[] col, int colOff, int ld, float[] x, int xOff, ConvGeometry g) {
        int outW = g.ow;
        int row = 0;
        for (int ch = 0; ch < g.cg(); ch++) {
            int plane = xOff + ch * g.h * g.w;
            for (int ki = 0; ki < g.kh; ki++) {
                for (int kj = 0; kj < g.kw; kj++, row++) {
                    int iw0 = kj * g.dw - g.pw;
                    int lo = lo(iw0, g.sw, outW);
                    int hi = hi(iw0, g.sw, g.w, outW, lo);
                    int src = colOff + row * ld;
                    for (int r = 0; r < g.oh; r++, src += outW) {
                        int ih = r * g.sh - g.ph + ki * g.dh;
                        if (ih < 0 || ih >= g.h) {
                            continue;
                        }
                        int dst = plane + ih * g.w + iw0;
                        if (g.sw == 1) {
                            for (int q = lo; q < hi; q++) {
                                x[dst + q] += col[src + q];
                            }
                        } else {
                            for (int q = lo; q < hi; q++) {
                                x[dst + q * g.sw] += col[src + q];
                            }
                        }
                    }
                }
            }
        }
    }

    /** float64 {@link #im2col(float[], int, float[], int, int, ConvGeometry)}. */
    static void im2col(double[] x, int xOff, double[] col, int colOff, int ld, ConvGeometry g) {
        int outW = g.ow;
        int row = 0;
        for (int ch = 0; ch < g.cg(); ch++) {
            int plane = xOff + ch * g.h * g.w;
            for (int ki = 0; ki < g.kh; ki++) {
                for (int kj = 0; kj < g.kw; kj++, row++) {
                    int iw0 = kj * g.dw - g.pw;
                    int lo = lo(iw0, g.sw, outW);
                    int hi = hi(iw0, g.sw, g.w, outW, lo);
                    int dst = colOff + row * ld;
                    for (int r = 0; r < g.oh; r++, dst += outW) {
                        int ih = r * g.sh - g.ph + ki * g.dh;
                        if (ih < 0 || ih >= g.h) {
                            for (int q = 0; q < outW; q++) {
                                col[dst + q] = 0d;
                            }
                            continue;
                        }
                        // plain loops: rows are short (tens of elements), where call overhead dominates
                        int src = plane + ih * g.w + iw0;
                        for (int q = 0; q < lo; q++) {
                            col[dst + q] = 0d;
                        }
                        if (g.sw == 1) {
                            for (int q = lo; q < hi; q++) {
                                col[dst + q] = x[src + q];
                            }
                        } else {
                            for (int q = lo; q < hi; q++) {
                                col[dst + q] = x[src + q * g.sw];
                            }
                        }
                        for (int q = hi; q < outW; q++) {
                            col[dst + q] = 0d;
                        }
                    }
                }
            }
        }
    }

    /** float64 {@link #col2im(float[], int, int, float[], int, ConvGeometry)}. */
    static void col2im(double[] col, int colOff, int ld, double[] x, int xOff, ConvGeometry g) {
        int outW = g.ow;
        int row = 0;
        for (int ch = 0; ch < g.cg(); ch++) {
            int plane = xOff + ch * g.h * g.w;
            for (int ki = 0; ki < g.kh; ki++) {
                for (int kj = 0; kj < g.kw; kj++, row++) {
                    int iw0 = kj * g.dw - g.pw;
                    int lo = lo(iw0, g.sw, outW);
                    int hi = hi(iw0, g.sw, g.w, outW, lo);
                    int src = colOff + row * ld;
                    for (int r = 0; r < g.oh; r++, src += outW) {
                        int ih = r * g.sh - g.ph + ki * g.dh;
                        if (ih < 0 || ih >= g.h) {
                            continue;
                        }
                        int dst = plane + ih * g.w + iw0;
                        if (g.sw == 1) {
                            for (int q = lo; q < hi; q++) {
                                x[dst + q] += col[src + q];
                            }
                        } else {
                            for (int q = lo; q < hi; q++) {
                                x[dst + q * g.sw] += col[src + q];
                            }
                        }
                    }
                }
            }
        }
    }
}
