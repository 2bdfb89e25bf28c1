package dev.jtorch.tensor.kernel;

/**
 * The kernel taps of a convolution, shared by the implicit-GEMM drivers ({@link FloatConvGemm},
 * {@link FloatConvInputGrad}, {@link FloatConvWeightGrad}): for tap {@code r} (input channel, kernel
 * row, kernel column, in weight order) its offset within one sample's image and its row and column
 * displacement. One instance lives in each driver's per-thread buffers and grows as needed.
 */
final class ConvTaps {
    int[] off = new int[0];
    int[] h = new int[0];
    int[] w = new int[0];

    /** Fills the tables for {@code g}'s {@code k} taps. */
    void fill(FloatConvGemm.Geometry g) {
        int k = g.k();
        if (off.length < k) {
            off = new int[k];
            h = new int[k];
            w = new int[k];
        }
        int r = 0;
        for (int c = 0; c < g.cg(); c++) {
            for (int ki = 0; ki < g.kh(); ki++) {
                for (int kj = 0; kj < g.kw(); kj++, r++) {
                    h[r] = ki * g.dh();
                    w[r] = kj * g.dw();
                    off[r] = c * g.h() * g.w() + h[r] * g.w() + w[r];
                }
            }
        }
    }
}
