package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.Parallel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 GEMM driver in the GotoBLAS/BLIS structure: for each {@code NC}-wide block of
 * columns and {@code KC}-deep slice of {@code k}, pack {@code B} into zero-padded {@code KC x NR}
 * micro-panels; for each {@code MC}-tall block of rows pack {@code A} (times {@code alpha}) into
 * {@code MR x KC} micro-panels; then sweep the register-blocked micro-kernel over the tiles.
 * Edge tiles are computed whole on the zero padding into a scratch tile and only their valid
 * part is merged into {@code C}. Packing reads any strides, so a transposed or sliced operand is
 * never copied first ({@code A} is packed by scalar copies, a row-major {@code B} by vector
 * copies, any other {@code B} by scalar copies). When {@code C} has only a few rows and
 * {@code B} is row-major, the full-width panels of {@code B} are read in place instead of packed.
 *
 * <p>Large products are split into a few coarse tasks over row (or column) ranges of {@code C}
 * on the {@link Parallel} pool; each task runs this whole loop nest with its own buffers.
 */
final class DoubleGemm {
    private DoubleGemm() {}

    private static final VectorSpecies<Double> SPECIES = DoubleMicroKernels.D;
    private static final int L = DoubleMicroKernels.L;
    private static final int MR = DoubleMicroKernels.MR;
    private static final int NR = DoubleMicroKernels.NR;
    private static final int KC = GemmPlan.kc(8);
    private static final int MC = GemmPlan.mc(MR);
    private static final int NC = GemmPlan.nc(NR);
    /**
     * Read a row-major {@code B} in place, unpacked, when {@code C} has at most this many rows: each
     * panel of {@code B} then serves too few row tiles to repay its packing. (With more rows, packing
     * wins: rows of {@code B} a power of two apart fall into the same cache sets.)
     */
    private static final int DIRECT_B_MAX_ROWS = 4 * MR;

    /** Per-thread packing buffers, reused across calls (packing writes every element it later reads). */
    private static final class Buffers {
        final double[] a = new double[MC * KC];
        final double[] b = new double[KC * NC];
        final double[] tile = new double[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** {@code C = alpha * A B + beta * C} for {@code m, n, k > 0}; operand layout as in {@link GemmKernels}. */
    static void gemm(int m, int n, int k, double alpha, double[] a, int aOff, int aRs, int aCs,
                     double[] b, int bOff, int bRs, int bCs, double beta, double[] c, int cOff, int ldc) {
        if (beta != 0 && beta != 1) {
            scale(m, n, beta, c, cOff, ldc);
        }
        boolean acc = beta != 0;
        int tasks = GemmPlan.tasks(m, n, k, MR, NR, bCs == 1);
        if (tasks <= 1) {
            block(m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, acc, c, cOff, ldc);
            return;
        }
        if (GemmPlan.splitRows(m, n, MR, NR, bCs == 1)) {
            Parallel.parallelFor(tasks, t -> {
                int i0 = GemmPlan.partStart(t, tasks, m, MR);
                int i1 = GemmPlan.partStart(t + 1, tasks, m, MR);
                if (i1 > i0) {
                    block(i1 - i0, n, k, alpha, a, aOff + i0 * aRs, aRs, aCs, b, bOff, bRs, bCs, acc, c, cOff + i0 * ldc, ldc);
                }
            });
        } else {
            Parallel.parallelFor(tasks, t -> {
                int j0 = GemmPlan.partStart(t, tasks, n, NR);
                int j1 = GemmPlan.partStart(t + 1, tasks, n, NR);
                if (j1 > j0) {
                    block(m, j1 - j0, k, alpha, a, aOff, aRs, aCs, b, bOff + j0 * bCs, bRs, bCs, acc, c, cOff + j0, ldc);
                }
            });
        }
    }

    /** The serial blocked loop nest over all of {@code C} ({@code m x n}). */
    private static void block(int m, int n, int k, double alpha, double[] a, int aOff, int aRs, int aCs,
                              double[] b, int bOff, int bRs, int bCs, boolean acc, double[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        boolean direct = bCs == 1 && m <= DIRECT_B_MAX_ROWS;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                int bBase = bOff + pc * bRs + jc * bCs;
                if (direct) {
                    int full = nc / NR * NR;
                    if (full < nc) {
                        packB(kc, nc - full, b, bBase + full, bRs, bCs, buf.b, 0);
                    }
                } else {
                    packB(kc, nc, b, bBase, bRs, bCs, buf.b, 0);
                }
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(mc, kc, alpha, a, aOff + ic * aRs + pc * aCs, aRs, aCs, buf.a);
                    int co = cOff + ic * ldc + jc;
                    if (direct) {
                        macroDirect(mc, nc, kc, buf, b, bBase, bRs, c, co, ldc, acc || pc > 0);
                    } else {
                        macro(mc, nc, kc, buf, c, co, ldc, acc || pc > 0);
                    }
                }
            }
        }
    }

    /** All tiles of an {@code mc x nc} block from packed {@code A} and packed {@code B}. */
    private static void macro(int mc, int nc, int kc, Buffers buf, double[] c, int co, int ldc, boolean acc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                tile(Math.min(MR, mc - ir), nr, kc, buf, ir * kc, buf.b, jr * kc, NR, c, co + ir * ldc + jr, ldc, acc);
            }
        }
    }

    /** Like {@link #macro} but full-width panels of {@code B} are read in place (row stride {@code bRs}). */
    private static void macroDirect(int mc, int nc, int kc, Buffers buf, double[] b, int bBase, int bRs,
                                    double[] c, int co, int ldc, boolean acc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean inPlace = nr == NR;
            double[] bp = inPlace ? b : buf.b;
            int bo = inPlace ? bBase + jr : 0;
            int bs = inPlace ? bRs : NR;
            for (int ir = 0; ir < mc; ir += MR) {
                tile(Math.min(MR, mc - ir), nr, kc, buf, ir * kc, bp, bo, bs, c, co + ir * ldc + jr, ldc, acc);
            }
        }
    }

    private static void tile(int mr, int nr, int kc, Buffers buf, int ao, double[] bp, int bo, int bs,
                             double[] c, int co, int ldc, boolean acc) {
        if (mr == MR && nr == NR) {
            DoubleMicroKernels.kernel(kc, buf.a, ao, bp, bo, bs, c, co, ldc, acc);
            return;
        }
        double[] t = buf.tile;
        DoubleMicroKernels.kernel(kc, buf.a, ao, bp, bo, bs, t, 0, NR, false);
        for (int r = 0; r < mr; r++) {
            int ci = co + r * ldc;
            int ti = r * NR;
            for (int j = 0; j < nr; j++) {
                c[ci + j] = acc ? c[ci + j] + t[ti + j] : t[ti + j];
            }
        }
    }

    /**
     * Packs {@code alpha * A[0:mc, 0:kc]} (element {@code (i, p)} at {@code base + i * rs + p * cs})
     * into {@code MR}-row micro-panels, {@code (r, p)} of panel {@code q} at {@code q * MR * kc + p * MR + r},
     * rows past {@code mc} zero.
     */
    static void packA(int mc, int kc, double alpha, double[] a, int base, int rs, int cs, double[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * kc;
            int src = base + ir * rs;
            if (cs == 1) {
                for (int r = 0; r < mr; r++) {
                    int s = src + r * rs;
                    int d = dst + r;
                    for (int p = 0; p < kc; p++) {
                        ap[d + p * MR] = alpha * a[s + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int s = src + p * cs;
                    int d = dst + p * MR;
                    for (int r = 0; r < mr; r++) {
                        ap[d + r] = alpha * a[s + r * rs];
                    }
                }
            }
            if (mr < MR) {
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * MR;
                    for (int r = mr; r < MR; r++) {
                        ap[d + r] = 0d;
                    }
                }
            }
        }
    }

    /**
     * Packs {@code B[0:kc, 0:nc]} (element {@code (p, j)} at {@code base + p * rs + j * cs}) into
     * {@code NR}-column micro-panels starting at {@code dst}: {@code (p, j)} of panel {@code q} at
     * {@code dst + q * NR * kc + p * NR + j}, columns past {@code nc} zero.
     */
    static void packB(int kc, int nc, double[] b, int base, int rs, int cs, double[] bp, int dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int d0 = dst + jr * kc;
            int src = base + jr * cs;
            if (cs == 1 && nr == NR) {
                for (int p = 0; p < kc; p++) {
                    int s = src + p * rs;
                    int d = d0 + p * NR;
                    DoubleVector.fromArray(SPECIES, b, s).intoArray(bp, d);
                    DoubleVector.fromArray(SPECIES, b, s + L).intoArray(bp, d + L);
                }
                continue;
            }
            if (cs == 1) {
                for (int p = 0; p < kc; p++) {
                    int s = src + p * rs;
                    int d = d0 + p * NR;
                    for (int j = 0; j < nr; j++) {
                        bp[d + j] = b[s + j];
                    }
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    int s = src + j * cs;
                    int d = d0 + j;
                    for (int p = 0; p < kc; p++) {
                        bp[d + p * NR] = b[s + p * rs];
                    }
                }
            }
            for (int p = 0; p < kc; p++) {
                int d = d0 + p * NR;
                for (int j = nr; j < NR; j++) {
                    bp[d + j] = 0d;
                }
            }
        }
    }

    /** {@code C *= beta} (only for beta other than 0 and 1). */
    private static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] *= beta;
            }
        }
    }
}
