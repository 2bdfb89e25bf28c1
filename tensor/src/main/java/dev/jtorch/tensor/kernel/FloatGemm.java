package dev.jtorch.tensor.kernel;

import dev.jtorch.tensor.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 GEMM driver in the GotoBLAS/BLIS structure: for each {@code NC}-wide block of
 * columns and {@code KC}-deep slice of {@code k}, pack {@code B} into zero-padded {@code KC x NR}
 * micro-panels; for each {@code MC}-tall block of rows pack {@code A} (times {@code alpha}) into
 * {@code MR x KC} micro-panels; then sweep the register-blocked micro-kernel over the tiles.
 * Edge tiles are computed whole on the zero padding into a scratch tile and only their valid
 * part is merged into {@code C}. Packing reads any strides, so a transposed or sliced operand is
 * never copied first. A row-major or column-major {@code A} (with {@code alpha == 1}, the common
 * case; column-major is {@code g.t()} in a Linear layer's weight gradient) is not packed at all:
 * the kernel ({@link FloatMicroKernels#kernelRowsA}, {@link FloatMicroKernels#kernelColsA})
 * broadcasts from it in place, and only a last partial row panel is packed. Otherwise {@code A} is
 * packed by vector copies when it is column-major, by scalar copies else; a row-major {@code B} by
 * vector copies, a transposed one by {@link FloatTranspose} (JDK 25, 512-bit vectors), any other
 * {@code B} by scalar copies. When {@code C} has only a few rows and
 * {@code B} is row-major, the full-width panels of {@code B} are read in place instead of packed.
 * Every path runs the same multiply-adds in the same order, so the bits of {@code C} do not
 * depend on the operands' layouts or on the task split.
 *
 * <p>Large products are split into a few coarse tasks over row (or column) ranges of {@code C}
 * on the {@link Parallel} pool; each task runs this whole loop nest with its own buffers.
 */
final class FloatGemm {
    private FloatGemm() {}

    private static final VectorSpecies<Float> SPECIES = FloatMicroKernels.F;
    private static final int L = FloatMicroKernels.L;
    private static final int MR = FloatMicroKernels.MR;
    private static final int NR = FloatMicroKernels.NR;
    private static final int KC = GemmPlan.kc(4);
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
        final float[] a = new float[MC * KC + L];
        final float[] b = new float[KC * NC];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** {@code C = alpha * A B + beta * C} for {@code m, n, k > 0}; operand layout as in {@link GemmKernels}. */
    static void gemm(int m, int n, int k, float alpha, float[] a, int aOff, int aRs, int aCs,
                     float[] b, int bOff, int bRs, int bCs, float beta, float[] c, int cOff, int ldc) {
        if (beta != 0 && beta != 1) {
            scale(m, n, beta, c, cOff, ldc);
        }
        boolean acc = beta != 0;
        boolean bRowMajor = bCs == 1;
        boolean aInPlace = aInPlace(alpha, aRs, aCs) || aColsInPlace(alpha, aRs, aCs);
        double aCost = aInPlace ? 0 : aRs == 1 ? 0.5 : 1;
        int tasks = GemmPlan.tasks(m, n, k, MR, NR, bRowMajor, aCost);
        if (tasks <= 1) {
            block(m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, acc, c, cOff, ldc);
            return;
        }
        if (GemmPlan.splitRows(m, n, MR, NR, bRowMajor, aCost)) {
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

    /**
     * Whether the kernel reads a row-major {@code A} (with {@code alpha == 1}) in place instead of
     * packing it. Not when its row stride is a large multiple of a power of two (1024, 2048, ...):
     * the rows of an {@code MC x KC} block would then crowd into a few cache sets of L1 and L2,
     * which a packed, contiguous block avoids.
     */
    static boolean aInPlace(float alpha, int aRs, int aCs) {
        return aCs == 1 && alpha == 1f && (aRs <= 512 || aRs % 64 != 0);
    }

    /**
     * Whether the kernel reads a column-major {@code A} (such as {@code g.t()}, with {@code alpha == 1})
     * in place ({@link FloatMicroKernels#kernelColsA}) instead of packing it; the same power-of-two
     * stride caveat as {@link #aInPlace}.
     */
    static boolean aColsInPlace(float alpha, int aRs, int aCs) {
        return aRs == 1 && aCs != 1 && alpha == 1f && (aCs <= 512 || aCs % 64 != 0);
    }

    /** The serial blocked loop nest over all of {@code C} ({@code m x n}). */
    private static void block(int m, int n, int k, float alpha, float[] a, int aOff, int aRs, int aCs,
                              float[] b, int bOff, int bRs, int bCs, boolean acc, float[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        boolean direct = bCs == 1 && m <= DIRECT_B_MAX_ROWS;
        boolean aInPlace = !direct && aInPlace(alpha, aRs, aCs);
        boolean aColsInPlace = !direct && !aInPlace && aColsInPlace(alpha, aRs, aCs);
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
                    int aBase = aOff + ic * aRs + pc * aCs;
                    int co = cOff + ic * ldc + jc;
                    boolean accNow = acc || pc > 0;
                    if (aInPlace || aColsInPlace) {
                        int full = mc / MR * MR;
                        if (full < mc) {
                            packA(mc - full, kc, alpha, a, aBase + full * aRs, aRs, aCs, buf.a);
                        }
                        macroInPlaceA(mc, nc, kc, buf, a, aBase, aInPlace ? aRs : -aCs, c, co, ldc, accNow);
                        continue;
                    }
                    packA(mc, kc, alpha, a, aBase, aRs, aCs, buf.a);
                    if (direct) {
                        macroDirect(mc, nc, kc, buf, b, bBase, bRs, c, co, ldc, accNow);
                    } else {
                        macro(mc, nc, kc, buf, c, co, ldc, accNow);
                    }
                }
            }
        }
    }

    /** All tiles of an {@code mc x nc} block from packed {@code A} and packed {@code B}. */
    private static void macro(int mc, int nc, int kc, Buffers buf, float[] c, int co, int ldc, boolean acc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                tile(Math.min(MR, mc - ir), nr, kc, buf, ir * kc, buf.b, jr * kc, NR, c, co + ir * ldc + jr, ldc, acc);
            }
        }
    }

    /**
     * Like {@link #macro} with the full {@code MR}-row panels of {@code A} read in place: a row-major
     * {@code A} with row stride {@code ld > 0}, or a column-major one with column stride {@code -ld}.
     * Only the last, partial row panel is packed (in {@code buf.a} at 0).
     */
    private static void macroInPlaceA(int mc, int nc, int kc, Buffers buf, float[] a, int aBase, int ld,
                                      float[] c, int co, int ldc, boolean acc) {
        int full = mc / MR * MR;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int bo = jr * kc;
            for (int ir = 0; ir < full; ir += MR) {
                int ci = co + ir * ldc + jr;
                // one call per kernel and layout, each with its own arguments (while a 256-bit sum loop
                // polluted JDK 17's Vector API profiles, selected arguments coincided with boxed runs)
                if (ld > 0) {
                    if (nr == NR) {
                        FloatMicroKernels.kernelRowsA(kc, a, aBase + ir * ld, ld, buf.b, bo, c, ci, ldc, acc);
                    } else {
                        FloatMicroKernels.kernelRowsA(kc, a, aBase + ir * ld, ld, buf.b, bo, buf.tile, 0, NR, false);
                        merge(MR, nr, buf.tile, c, ci, ldc, acc);
                    }
                } else if (nr == NR) {
                    FloatMicroKernels.kernelColsA(kc, a, aBase + ir, -ld, buf.b, bo, c, ci, ldc, acc);
                } else {
                    FloatMicroKernels.kernelColsA(kc, a, aBase + ir, -ld, buf.b, bo, buf.tile, 0, NR, false);
                    merge(MR, nr, buf.tile, c, ci, ldc, acc);
                }
            }
            if (full < mc) {
                tile(mc - full, nr, kc, buf, 0, buf.b, bo, NR, c, co + full * ldc + jr, ldc, acc);
            }
        }
    }

    /** Like {@link #macro} but full-width panels of {@code B} are read in place (row stride {@code bRs}). */
    private static void macroDirect(int mc, int nc, int kc, Buffers buf, float[] b, int bBase, int bRs,
                                    float[] c, int co, int ldc, boolean acc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            boolean inPlace = nr == NR;
            float[] bp = inPlace ? b : buf.b;
            int bo = inPlace ? bBase + jr : 0;
            int bs = inPlace ? bRs : NR;
            for (int ir = 0; ir < mc; ir += MR) {
                tile(Math.min(MR, mc - ir), nr, kc, buf, ir * kc, bp, bo, bs, c, co + ir * ldc + jr, ldc, acc);
            }
        }
    }

    private static void tile(int mr, int nr, int kc, Buffers buf, int ao, float[] bp, int bo, int bs,
                             float[] c, int co, int ldc, boolean acc) {
        if (mr == MR && nr == NR) {
            FloatMicroKernels.kernel(kc, buf.a, ao, bp, bo, bs, c, co, ldc, acc);
            return;
        }
        FloatMicroKernels.kernel(kc, buf.a, ao, bp, bo, bs, buf.tile, 0, NR, false);
        merge(mr, nr, buf.tile, c, co, ldc, acc);
    }

    /** Writes (or with {@code acc} adds) the valid {@code mr x nr} corner of a scratch tile into {@code C}. */
    private static void merge(int mr, int nr, float[] t, float[] c, int co, int ldc, boolean acc) {
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
    static void packA(int mc, int kc, float alpha, float[] a, int base, int rs, int cs, float[] ap) {
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
                int p = 0;
                if (rs == 1 && mr == MR) {
                    // a column-major A (e.g. g.t()): each step of p is MR contiguous elements; copy a
                    // whole vector and let the next step overwrite its excess (ap has L elements of slack)
                    int last = a.length - L;
                    for (; p < kc && src + p * cs <= last; p++) {
                        FloatVector.fromArray(SPECIES, a, src + p * cs).mul(alpha).intoArray(ap, dst + p * MR);
                    }
                }
                for (; p < kc; p++) {
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
                        ap[d + r] = 0f;
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
    static void packB(int kc, int nc, float[] b, int base, int rs, int cs, float[] bp, int dst) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int d0 = dst + jr * kc;
            int src = base + jr * cs;
            if (cs == 1 && nr == NR) {
                for (int p = 0; p < kc; p++) {
                    int s = src + p * rs;
                    int d = d0 + p * NR;
                    FloatVector.fromArray(SPECIES, b, s).intoArray(bp, d);
                    FloatVector.fromArray(SPECIES, b, s + L).intoArray(bp, d + L);
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
                packBColumns(kc, nr, b, src, rs, cs, bp, d0);
            }
            for (int p = 0; p < kc; p++) {
                int d = d0 + p * NR;
                for (int j = nr; j < NR; j++) {
                    bp[d + j] = 0f;
                }
            }
        }
    }

    /**
     * One {@code B} panel of {@code nr} columns when {@code B}'s columns are not contiguous (such as
     * a Linear layer's {@code weight.t()}, whose columns are the weight's rows). With {@code rs == 1}
     * (each column contiguous) by {@link FloatTranspose} where it is enabled, else in blocks of
     * {@link #PACK_T_BLOCK} rows: each column's block is one contiguous run of source (a cache
     * line), written down the panel; measured about 1.2x faster
     * than the four-column walk below, which serves other strides (about 1.4x faster there than
     * walking {@code p} outermost over all {@code nr} columns).
     */
    private static void packBColumns(int kc, int nr, float[] b, int src, int rs, int cs, float[] bp, int d0) {
        if (rs == 1) {
            packBTransposed(kc, nr, b, src, cs, bp, d0);
            return;
        }
        int j = 0;
        for (; j + 4 <= nr; j += 4) {
            int s0 = src + j * cs;
            int s1 = s0 + cs;
            int s2 = s1 + cs;
            int s3 = s2 + cs;
            int d = d0 + j;
            for (int p = 0; p < kc; p++) {
                int dd = d + p * NR;
                int sp = p * rs;
                bp[dd] = b[s0 + sp];
                bp[dd + 1] = b[s1 + sp];
                bp[dd + 2] = b[s2 + sp];
                bp[dd + 3] = b[s3 + sp];
            }
        }
        for (; j < nr; j++) {
            int s0 = src + j * cs;
            for (int p = 0; p < kc; p++) {
                bp[d0 + p * NR + j] = b[s0 + p * rs];
            }
        }
    }

    /** Rows of {@code B} per block in {@link #packBTransposed}: 64 bytes of each float32 column. */
    private static final int PACK_T_BLOCK = 16;

    /** {@link #packBColumns} for {@code rs == 1}: column {@code j} is contiguous from {@code src + j * cs}. */
    private static void packBTransposed(int kc, int nr, float[] b, int src, int cs, float[] bp, int d0) {
        int p0 = 0;
        if (FloatTranspose.ENABLED && nr == NR) {
            int blk = FloatTranspose.BLOCK;
            for (; p0 + blk <= kc; p0 += blk) {
                for (int j = 0; j < NR; j += blk) {
                    FloatTranspose.transpose16(b, src + j * cs + p0, cs, bp, d0 + p0 * NR + j, NR);
                }
            }
        }
        for (; p0 < kc; p0 += PACK_T_BLOCK) {
            int len = Math.min(PACK_T_BLOCK, kc - p0);
            int d = d0 + p0 * NR;
            for (int j = 0; j < nr; j++) {
                int s = src + j * cs + p0;
                for (int p = 0; p < len; p++) {
                    bp[d + p * NR + j] = b[s + p];
                }
            }
        }
    }

    /** {@code C *= beta} (only for beta other than 0 and 1). */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] *= beta;
            }
        }
    }
}
