package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.kernel.FloatConvGemm.Geometry;

/**
 * Implicit-GEMM float32 input gradient of a convolution, for a range of samples and one group:
 * {@code gx += col2im(W^T [K, m] @ gy [m, P])}, with the column-matrix gradient never stored.
 * The transposed weight is packed once into {@code 6}-tap micro-panels; for each {@code NR}-wide
 * panel of one sample's output positions, {@code gy}'s {@code m x NR} panel is copied from its
 * rows, and each {@code 6 x NR} tile of the product is computed in registers into a scratch tile
 * and added straight into the input positions it was read from. Panels never straddle samples,
 * so the order in which a gradient element receives its terms depends only on the geometry,
 * not on how samples are split between threads.
 */
public final class FloatConvInputGrad {
    private FloatConvInputGrad() {}

    private static final int MR = FloatMicroKernels.MR;
    private static final int NR = FloatMicroKernels.NR;
    /** Depth of one micro-kernel call; deeper products are summed block by block in the scratch tile. */
    private static final int KC = 512;

    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final int[] base = new int[NR];
        final int[] ih = new int[NR];
        final int[] iw = new int[NR];
        final ConvTaps taps = new ConvTaps();
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * For samples {@code s < ns}: {@code gx[gxOff + s * gxSample + (tap r of position q)] += sum_i
     * w[wOff + i * K + r] * gy[gyOff + s * gySample + i * P + q]} over the {@code m} output channels
     * {@code i}, for every tap {@code r} and position {@code q} that reads inside the image (the
     * adjoint of the forward's column matrix). Callers check {@link Kernels#VECTORIZED}.
     */
    public static void inputGrad(Geometry g, int m, float[] w, int wOff, float[] gy, int gyOff, int gySample, int ns,
                                 float[] gx, int gxOff, int gxSample) {
        int k = g.k();
        int p = g.p();
        if (m == 0 || k == 0 || p == 0 || ns == 0) {
            return;
        }
        Buffers buf = BUFFERS.get();
        int kPad = (k + MR - 1) / MR * MR;
        buf.taps.fill(g);
        if (buf.a.length < kPad * m) {
            buf.a = new float[kPad * m];
        }
        if (buf.b.length < m * NR) {
            buf.b = new float[m * NR];
        }
        packWeightT(k, kPad, m, w, wOff, buf.a);
        boolean unpadded = g.unpadded();
        for (int s = 0; s < ns; s++) {
            for (int j0 = 0; j0 < p; j0 += NR) {
                int nr = Math.min(NR, p - j0);
                packGy(m, nr, gy, gyOff + s * gySample + j0, p, buf.b);
                columns(g, j0, nr, gxOff + s * gxSample, buf);
                for (int r0 = 0; r0 < k; r0 += MR) {
                    for (int pc = 0; pc < m; pc += KC) {
                        FloatMicroKernels.kernel(Math.min(KC, m - pc), buf.a, r0 * m + pc * MR, buf.b, pc * NR, NR,
                                buf.tile, 0, NR, pc > 0);
                    }
                    int mr = Math.min(MR, k - r0);
                    if (unpadded) {
                        scatter(buf, r0, mr, nr, gx);
                    } else {
                        scatterClipped(g, buf, r0, mr, nr, gx);
                    }
                }
            }
        }
    }

    /** {@code W^T}: tap {@code r}, channel {@code i} at {@code (r / MR) * MR * m + i * MR + r % MR}, taps past {@code k} zero. */
    private static void packWeightT(int k, int kPad, int m, float[] w, int wOff, float[] a) {
        for (int r = 0; r < kPad; r++) {
            int d = (r / MR) * MR * m + r % MR;
            if (r < k) {
                for (int i = 0; i < m; i++) {
                    a[d + i * MR] = w[wOff + i * k + r];
                }
            } else {
                for (int i = 0; i < m; i++) {
                    a[d + i * MR] = 0f;
                }
            }
        }
    }

    /** Rows of {@code gy} ({@code p} apart), {@code nr} positions each, as an {@code m x NR} panel with zero columns past {@code nr}. */
    private static void packGy(int m, int nr, float[] gy, int off, int p, float[] b) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(gy, off + i * p, b, i * NR, nr);
            for (int j = nr; j < NR; j++) {
                b[i * NR + j] = 0f;
            }
        }
    }

    /** For one sample's positions {@code j0 ..}: tap (0, 0, 0)'s offset in {@code gx}, its row and column. */
    private static void columns(Geometry g, int j0, int nr, int off, Buffers buf) {
        int oh = j0 / g.ow();
        int ow = j0 - oh * g.ow();
        for (int j = 0; j < nr; j++) {
            int ih = oh * g.sh() - g.ph();
            int iw = ow * g.sw() - g.pw();
            buf.ih[j] = ih;
            buf.iw[j] = iw;
            buf.base[j] = off + ih * g.w() + iw;
            if (++ow == g.ow()) {
                ow = 0;
                oh++;
            }
        }
    }

    private static void scatter(Buffers buf, int r0, int mr, int nr, float[] gx) {
        float[] t = buf.tile;
        int[] base = buf.base;
        for (int i = 0; i < mr; i++) {
            int off = buf.taps.off[r0 + i];
            int ti = i * NR;
            for (int j = 0; j < nr; j++) {
                gx[base[j] + off] += t[ti + j];
            }
        }
    }

    private static void scatterClipped(Geometry g, Buffers buf, int r0, int mr, int nr, float[] gx) {
        float[] t = buf.tile;
        int h = g.h();
        int w = g.w();
        for (int i = 0; i < mr; i++) {
            int r = r0 + i;
            int off = buf.taps.off[r];
            int th = buf.taps.h[r];
            int tw = buf.taps.w[r];
            int ti = i * NR;
            for (int j = 0; j < nr; j++) {
                int ih = buf.ih[j] + th;
                int iw = buf.iw[j] + tw;
                if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                    gx[buf.base[j] + off] += t[ti + j];
                }
            }
        }
    }
}
