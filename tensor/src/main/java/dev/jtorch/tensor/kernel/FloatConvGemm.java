package dev.jtorch.tensor.kernel;

/**
 * Implicit-GEMM float32 convolution forward: {@code y = W @ col(x)} for a range of samples and
 * one group, without materialising the column matrix. The weight ({@code [m, K]}) is packed
 * once into {@code MR}-row micro-panels; then, for each {@code NR}-wide panel of output
 * positions (the positions of all samples in the range, one after the other, so small images
 * fill whole panels), the {@code K x NR} panel of {@code col(x)} is packed straight from the
 * image and every row tile of the weight is run against it with {@link FloatMicroKernels#kernel}.
 * This replaces im2col, the GEMM's packing of the column matrix (a second full pass over it)
 * and the copy of the result from {@code [O, S*P]} into {@code [S, O, P]}: a tile whose columns
 * lie in one sample is written in place, one that straddles two samples through a scratch tile.
 *
 * <p>Each output element is one micro-kernel sum over {@code k} in a fixed order (blocks of
 * {@link #KC} when {@code K} is larger), so results do not depend on how samples are split
 * between threads. The packing buffers are per thread.
 */
public final class FloatConvGemm {
    private FloatConvGemm() {}

    private static final int MR = FloatMicroKernels.MR;
    private static final int NR = FloatMicroKernels.NR;
    /** Depth of a packed panel; {@code K} up to {@link #KC_MAX} is done in one block. */
    private static final int KC = 256;
    private static final int KC_MAX = 512;

    /** Per-thread buffers: packed weight, one packed column panel, the panel's column bases, a scratch tile. */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final int[] base = new int[NR];
        final int[] ih = new int[NR];
        final int[] iw = new int[NR];
        final ConvTaps taps = new ConvTaps();
        final ConvRuns runs = new ConvRuns();
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /**
     * The geometry of one group's product, 1-d as 2-d: {@code cg} input channels of a
     * {@code h x w} image, a {@code kh x kw} kernel with strides, padding and dilation, and a
     * {@code oh x ow} output.
     */
    public record Geometry(int cg, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                           int oh, int ow) {
        int k() {
            return cg * kh * kw;
        }

        int p() {
            return oh * ow;
        }

        /** Every tap of every output position reads inside the image. */
        boolean unpadded() {
            return ph == 0 && pw == 0 && (oh - 1) * sh + (kh - 1) * dh < h && (ow - 1) * sw + (kw - 1) * dw < w;
        }
    }

    /**
     * For samples {@code s} in {@code [0, ns)}: {@code y[yOff + s * ySample + i * P + q] (+)= sum_r
     * w[wOff + i * K + r] * col_s[r, q]} for the {@code m} output channels {@code i}, where
     * {@code col_s} is the column matrix of the {@code cg} channels at {@code x[xOff + s * xSample]}
     * (rows ordered channel, kernel row, kernel column; padding reads zero), plus {@code bias[biasOff + i]}
     * when {@code bias} is not null. The bias is one more step of the product (a last row of ones in the
     * column panel), so {@code y} is written once and the result is {@code round(sum + bias)}, as when
     * the bias is added afterwards. {@code acc} adds to {@code y}, otherwise overwrites. Callers check
     * {@link Kernels#VECTORIZED}.
     */
    public static void forward(Geometry g, int m, float[] w, int wOff, float[] bias, int biasOff, float[] x, int xOff,
                               int xSample, int ns, float[] y, int yOff, int ySample, boolean acc) {
        int taps = g.k();
        int k = taps + (bias != null ? 1 : 0);
        int p = g.p();
        if (m == 0 || ns == 0 || p == 0) {
            return;
        }
        Buffers buf = BUFFERS.get();
        buf.taps.fill(g);
        int kc0 = k <= KC_MAX ? k : KC;
        int mPanels = (m + MR - 1) / MR;
        if (buf.a.length < mPanels * MR * k) {
            buf.a = new float[mPanels * MR * k];
        }
        if (buf.b.length < kc0 * NR + ConvRuns.L) {
            buf.b = new float[kc0 * NR + ConvRuns.L];
        }
        // packed weight: block pc (depth kc) of panel q at q * MR * k + pc * MR
        for (int pc = 0; pc < k; pc += kc0) {
            packA(m, pc, Math.min(kc0, k - pc), taps, w, wOff, bias, biasOff, buf.a, pc * MR, k);
        }
        boolean unpadded = g.unpadded();
        boolean runs = unpadded && g.sw() == 1;
        int total = ns * p;
        for (int j0 = 0; j0 < total; j0 += NR) {
            int nr = Math.min(NR, total - j0);
            columns(g, j0, nr, xOff, xSample, buf);
            int s0 = j0 / p;
            int q0 = j0 - s0 * p;
            boolean inPlace = nr == NR && q0 + NR <= p;
            if (runs && nr == NR) {
                buf.runs.build(buf.base, NR);
            }
            for (int pc = 0; pc < k; pc += kc0) {
                int kc = Math.min(kc0, k - pc);
                int kt = Math.min(kc, taps - pc);
                if (runs && nr == NR) {
                    packRuns(kt, pc, x, buf);
                } else if (unpadded && nr == NR) {
                    packFull(kt, pc, x, buf);
                } else {
                    packClipped(g, kt, pc, nr, x, buf);
                }
                if (kt < kc) {
                    java.util.Arrays.fill(buf.b, kt * NR, kt * NR + NR, 1f);
                }
                boolean add = acc || pc > 0;
                for (int i0 = 0; i0 < m; i0 += MR) {
                    int ao = i0 * k + pc * MR;
                    if (inPlace && i0 + MR <= m) {
                        FloatMicroKernels.kernel(kc, buf.a, ao, buf.b, 0, NR, y, yOff + s0 * ySample + i0 * p + q0, p, add);
                    } else {
                        FloatMicroKernels.kernel(kc, buf.a, ao, buf.b, 0, NR, buf.tile, 0, NR, false);
                        merge(buf.tile, Math.min(MR, m - i0), nr, j0, p, y, yOff + i0 * p, ySample, add);
                    }
                }
            }
        }
    }

    /** For the {@code nr} columns from {@code j0}: the image offset of tap (0, 0, 0) and its row and column. */
    private static void columns(Geometry g, int j0, int nr, int xOff, int xSample, Buffers buf) {
        int p = g.p();
        int s = j0 / p;
        int q = j0 - s * p;
        int oh = q / g.ow();
        int ow = q - oh * g.ow();
        for (int j = 0; j < nr; j++) {
            int ih = oh * g.sh() - g.ph();
            int iw = ow * g.sw() - g.pw();
            buf.ih[j] = ih;
            buf.iw[j] = iw;
            buf.base[j] = xOff + s * xSample + ih * g.w() + iw;
            if (++ow == g.ow()) {
                ow = 0;
                if (++oh == g.oh()) {
                    oh = 0;
                    s++;
                }
            }
        }
    }

    /** Panel rows {@code pc .. pc+kc} of {@code NR} columns that all read inside the image. */
    private static void packFull(int kc, int pc, float[] x, Buffers buf) {
        int[] base = buf.base;
        float[] b = buf.b;
        for (int r = 0; r < kc; r++) {
            int off = buf.taps.off[pc + r];
            int d = r * NR;
            for (int j = 0; j < NR; j++) {
                b[d + j] = x[base[j] + off];
            }
        }
    }

    /** Like {@link #packFull}, row by row as contiguous runs (a unit column stride); rows are written in order, so each run's overspill is overwritten. */
    private static void packRuns(int kc, int pc, float[] x, Buffers buf) {
        int[] off = buf.taps.off;
        for (int r = 0; r < kc; r++) {
            buf.runs.gather(x, off[pc + r], buf.b, r * NR);
        }
    }

    /** Like {@link #packFull} with padding read as zero and columns past {@code nr} zero. */
    private static void packClipped(Geometry g, int kc, int pc, int nr, float[] x, Buffers buf) {
        float[] b = buf.b;
        int h = g.h();
        int w = g.w();
        for (int r = 0; r < kc; r++) {
            int off = buf.taps.off[pc + r];
            int th = buf.taps.h[pc + r];
            int tw = buf.taps.w[pc + r];
            int d = r * NR;
            for (int j = 0; j < nr; j++) {
                int ih = buf.ih[j] + th;
                int iw = buf.iw[j] + tw;
                b[d + j] = ih >= 0 && ih < h && iw >= 0 && iw < w ? x[buf.base[j] + off] : 0f;
            }
            for (int j = nr; j < NR; j++) {
                b[d + j] = 0f;
            }
        }
    }

    /**
     * Columns {@code [pc, pc + kc)} of the {@code m x k} matrix {@code [w | bias]} ({@code w} row-major
     * with {@code taps} columns, {@code bias} its column {@code taps} if present) into {@code MR}-row
     * panels: {@code (i, pc + r)} at {@code dst + (i / MR) * MR * k + r * MR + i % MR}, rows past {@code m} zero.
     */
    private static void packA(int m, int pc, int kc, int taps, float[] w, int wOff, float[] bias, int biasOff,
                              float[] a, int dst, int k) {
        int kt = Math.max(0, Math.min(kc, taps - pc));
        for (int i0 = 0; i0 < m; i0 += MR) {
            int d0 = dst + i0 * k;
            for (int i = 0; i < MR; i++) {
                int d = d0 + i;
                if (i0 + i < m) {
                    int src = wOff + (i0 + i) * taps + pc;
                    for (int r = 0; r < kt; r++) {
                        a[d + r * MR] = w[src + r];
                    }
                    if (kt < kc) {
                        a[d + kt * MR] = bias[biasOff + i0 + i];
                    }
                } else {
                    for (int r = 0; r < kc; r++) {
                        a[d + r * MR] = 0f;
                    }
                }
            }
        }
    }

    /** The first {@code mr x nr} of a scratch tile into the columns {@code j0 ..} of {@code y} (samples {@code ySample} apart). */
    private static void merge(float[] tile, int mr, int nr, int j0, int p, float[] y, int yOff, int ySample, boolean add) {
        int s = j0 / p;
        int q = j0 - s * p;
        int j = 0;
        while (j < nr) {
            int run = Math.min(nr - j, p - q);
            int o = yOff + s * ySample + q;
            for (int i = 0; i < mr; i++) {
                int t = i * NR + j;
                int yo = o + i * p;
                if (add) {
                    for (int c = 0; c < run; c++) {
                        y[yo + c] += tile[t + c];
                    }
                } else {
                    System.arraycopy(tile, t, y, yo, run);
                }
            }
            j += run;
            s++;
            q = 0;
        }
    }
}
