package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.kernel.FloatConvGemm.Geometry;

/**
 * Implicit-GEMM float32 weight gradient of a convolution, for a range of samples and one group:
 * {@code gW[i, r] = sum over positions q of gy[i, q] * col(x)[r, q]}. It is computed transposed,
 * {@code gW^T [K, m] = col(x) [K, S*P] @ gy^T [S*P, m]}, so that the kernel taps (often many, or
 * few, like the 9 of a one-channel 3x3 kernel) run down the 6-row tiles and the output channels
 * (usually a multiple of 16) across the vector-wide ones. The positions of all samples form the
 * depth of the product, in blocks of {@link #KC}: for each block, the column matrix's
 * {@code 6 x KC} micro-panels are packed straight from the image and {@code gy}'s
 * {@code KC x NR} panels from its rows, and the tiles accumulate into a per-thread {@code [K, m]}
 * buffer (padded so every tile is written in place), which is transposed into {@code gW} at the
 * end. With a unit column stride and no padding the column block is instead copied row-major as
 * contiguous vector runs of the image ({@link ConvRuns}) and read in place by
 * {@link FloatMicroKernels#kernelRowsA}, which sums in the same order (same bits). The sum over
 * positions runs in block order, the same for any split of other work.
 */
public final class FloatConvWeightGrad {
    private FloatConvWeightGrad() {}

    private static final int MR = FloatMicroKernels.MR;
    private static final int NR = FloatMicroKernels.NR;
    /** Positions per block: the depth of the packed panels. */
    private static final int KC = 256;

    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] ct = new float[0];
        final int[] base = new int[KC];
        final int[] ih = new int[KC];
        final int[] iw = new int[KC];
        final int[] gyPos = new int[KC];
        final ConvTaps taps = new ConvTaps();
        final ConvRuns runs = new ConvRuns();
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * {@code gw[gwOff + i * K + r] (+)= sum_{s < ns, q < P} gy[gyOff + s * gySample + i * P + q] * col_s[r, q]}
     * for the {@code m} output channels {@code i} and {@code K} taps {@code r}, where {@code col_s} is
     * the column matrix of the {@code cg} channels at {@code x[xOff + s * xSample]}. {@code acc} adds
     * to {@code gw}, otherwise overwrites. Callers check {@link Kernels#VECTORIZED}.
     */
    public static void weightGrad(Geometry g, int m, float[] gy, int gyOff, int gySample, float[] x, int xOff,
                                  int xSample, int ns, float[] gw, int gwOff, boolean acc) {
        int k = g.k();
        int p = g.p();
        if (m == 0 || k == 0) {
            return;
        }
        int total = ns * p;
        if (total == 0) {
            if (!acc) {
                for (int i = 0; i < m * k; i++) {
                    gw[gwOff + i] = 0f;
                }
            }
            return;
        }
        Buffers buf = BUFFERS.get();
        int kPad = (k + MR - 1) / MR * MR;
        int mPad = (m + NR - 1) / NR * NR;
        buf.taps.fill(g);
        if (buf.a.length < kPad * KC + ConvRuns.L) {
            buf.a = new float[kPad * KC + ConvRuns.L];
        }
        if (buf.b.length < mPad * KC) {
            buf.b = new float[mPad * KC];
        }
        if (buf.ct.length < kPad * mPad) {
            buf.ct = new float[kPad * mPad];
        }
        boolean unpadded = g.unpadded();
        boolean runs = unpadded && g.sw() == 1;
        for (int q0 = 0; q0 < total; q0 += KC) {
            int kc = Math.min(KC, total - q0);
            positions(g, q0, kc, xOff, xSample, gySample, buf);
            packGy(m, mPad, kc, p, gy, gyOff, buf);
            boolean add = q0 > 0;
            if (runs) {
                packColRows(k, kc, x, buf);
                for (int j0 = 0; j0 < mPad; j0 += NR) {
                    for (int r0 = 0; r0 < kPad; r0 += MR) {
                        FloatMicroKernels.kernelRowsA(kc, buf.a, r0 * kc, kc, buf.b, j0 * kc, buf.ct, r0 * mPad + j0, mPad, add);
                    }
                }
                continue;
            }
            packCol(g, k, kPad, kc, unpadded, x, buf);
            for (int j0 = 0; j0 < mPad; j0 += NR) {
                for (int r0 = 0; r0 < kPad; r0 += MR) {
                    FloatMicroKernels.kernel(kc, buf.a, r0 * kc, buf.b, j0 * kc, NR, buf.ct, r0 * mPad + j0, mPad, add);
                }
            }
        }
        float[] ct = buf.ct;
        for (int i = 0; i < m; i++) {
            int d = gwOff + i * k;
            if (acc) {
                for (int r = 0; r < k; r++) {
                    gw[d + r] += ct[r * mPad + i];
                }
            } else {
                for (int r = 0; r < k; r++) {
                    gw[d + r] = ct[r * mPad + i];
                }
            }
        }
    }

    /** For the {@code kc} positions from {@code q0}: tap (0, 0, 0)'s image offset, row and column, and the offset in {@code gy}. */
    private static void positions(Geometry g, int q0, int kc, int xOff, int xSample, int gySample, Buffers buf) {
        int p = g.p();
        int s = q0 / p;
        int q = q0 - s * p;
        int oh = q / g.ow();
        int ow = q - oh * g.ow();
        for (int j = 0; j < kc; j++) {
            int ih = oh * g.sh() - g.ph();
            int iw = ow * g.sw() - g.pw();
            buf.ih[j] = ih;
            buf.iw[j] = iw;
            buf.base[j] = xOff + s * xSample + ih * g.w() + iw;
            buf.gyPos[j] = s * gySample + q;
            q++;
            if (++ow == g.ow()) {
                ow = 0;
                if (++oh == g.oh()) {
                    oh = 0;
                    q = 0;
                    s++;
                }
            }
        }
    }

    /**
     * {@code gy^T}'s block as {@code KC x NR} panels: {@code (q, i)} at {@code (i / NR) * NR * kc + q * NR + i % NR},
     * channels past {@code m} zero. Where {@link FloatTranspose} is enabled, 16 channels by 16 positions
     * that lie one after the other in {@code gy} (one sample) are moved as one in-register transpose;
     * the rest element by element. A copy either way (same bits).
     */
    private static void packGy(int m, int mPad, int kc, int p, float[] gy, int gyOff, Buffers buf) {
        int m16 = FloatTranspose.ENABLED ? m - m % FloatTranspose.BLOCK : 0;
        for (int i0 = 0; i0 < m16; i0 += FloatTranspose.BLOCK) {
            packGy16(i0, kc, p, gy, gyOff, buf);
        }
        float[] b = buf.b;
        int[] pos = buf.gyPos;
        for (int i = m16; i < mPad; i++) {
            int d = (i / NR) * NR * kc + i % NR;
            if (i < m) {
                int src = gyOff + i * p;
                for (int q = 0; q < kc; q++) {
                    b[d + q * NR] = gy[src + pos[q]];
                }
            } else {
                for (int q = 0; q < kc; q++) {
                    b[d + q * NR] = 0f;
                }
            }
        }
    }

    /** Channels {@code i0 .. i0 + 15} of {@link #packGy}: 16 x 16 transposes where 16 positions are consecutive in {@code gy}. */
    private static void packGy16(int i0, int kc, int p, float[] gy, int gyOff, Buffers buf) {
        final int blk = FloatTranspose.BLOCK;
        float[] b = buf.b;
        int[] pos = buf.gyPos;
        int d0 = (i0 / NR) * NR * kc + i0 % NR;
        int src = gyOff + i0 * p;
        int q = 0;
        while (q < kc) {
            if (q + blk <= kc && pos[q + blk - 1] - pos[q] == blk - 1) {
                FloatTranspose.transpose16(gy, src + pos[q], p, b, d0 + q * NR, NR);
                q += blk;
            } else {
                for (int j = 0; j < blk; j++) {
                    b[d0 + q * NR + j] = gy[src + j * p + pos[q]];
                }
                q++;
            }
        }
    }

    /**
     * The column matrix's block row-major ({@code (r, q)} at {@code r * kc + q}), each row as
     * contiguous runs of the image (a unit column stride), for {@link FloatMicroKernels#kernelRowsA}.
     * Rows from {@code k} to the next multiple of {@code MR} are left as they are: they only feed
     * rows of the product that are never read.
     */
    private static void packColRows(int k, int kc, float[] x, Buffers buf) {
        buf.runs.build(buf.base, kc);
        int[] off = buf.taps.off;
        for (int r = 0; r < k; r++) {
            buf.runs.gather(x, off[r], buf.a, r * kc);
        }
    }

    /** The column matrix's block as {@code MR x kc} panels: {@code (r, q)} at {@code (r / MR) * MR * kc + q * MR + r % MR}, taps past {@code k} zero. */
    private static void packCol(Geometry g, int k, int kPad, int kc, boolean unpadded, float[] x, Buffers buf) {
        float[] a = buf.a;
        int[] base = buf.base;
        for (int r0 = 0; r0 < kPad; r0 += MR) {
            int d0 = r0 * kc;
            for (int i = 0; i < MR; i++) {
                int r = r0 + i;
                int d = d0 + i;
                if (r >= k) {
                    for (int q = 0; q < kc; q++) {
                        a[d + q * MR] = 0f;
                    }
                } else if (unpadded) {
                    int off = buf.taps.off[r];
                    for (int q = 0; q < kc; q++) {
                        a[d + q * MR] = x[base[q] + off];
                    }
                } else {
                    int off = buf.taps.off[r];
                    int th = buf.taps.h[r];
                    int tw = buf.taps.w[r];
                    int h = g.h();
                    int w = g.w();
                    for (int q = 0; q < kc; q++) {
                        int ih = buf.ih[q] + th;
                        int iw = buf.iw[q] + tw;
                        a[d + q * MR] = ih >= 0 && ih < h && iw >= 0 && iw < w ? x[base[q] + off] : 0f;
                    }
                }
            }
        }
    }
}
