package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked float32 GEMM micro-kernel: a {@code 6 x NR} tile of {@code C}
 * ({@code NR} = two vectors) held in twelve vector accumulators (separate locals, so C2 keeps
 * them in registers), updated by one {@code fma} per accumulator and step of {@code k}:
 * broadcast one element of {@code A}, multiply it by the two vectors of {@code B}.
 *
 * <p>{@code a} is a packed {@code A} micro-panel: element {@code (r, p)} at {@code ao + p * MR + r}
 * (zero-padded to {@code MR} rows). Row {@code p} of the {@code B} micro-panel is the {@code NR}
 * elements at {@code bo + p * bs}: a packed panel ({@code bs == NR}) or, for small problems, the
 * rows of a row-major {@code B} read in place ({@code bs} = its row stride). The tile is written
 * to {@code c[co + r * ldc + j]}: {@code acc} adds it to what is there, otherwise overwrites.
 *
 * <p>The kernels themselves never branch on {@code acc}: each always stores {@code AB + S}, and the
 * small entry points pick the addend {@code S}: {@code C} itself, or a row of {@code -0.0}, the
 * additive identity ({@code x + -0.0 == x} for every {@code x}, {@code -0.0} and NaN included, so the
 * bits equal a plain store). A branch inside a kernel was compiled by C2 with only the side its
 * first callers took; the first call with the other value (a convolution's backward after its
 * forward, a second {@code k} block) hit an uncommon trap, threw the kernel back to the
 * interpreter and C1, where its vectors are boxed, for seconds until C2 compiled it again. In the
 * entry points the branch costs nothing and a trap only recompiles a few bytes.
 *
 * <p>Why 6 rows on every machine, AVX-512 included: twelve independent accumulators already hide
 * the FMA latency, and in-cache the 6-row tile measured as fast as a 12-row, 24-accumulator one
 * (about 110 GFLOP/s per core either way on the AVX-512 machine this was tuned on; measured again
 * on JDK 25 in one JVM, alternating: 6x32, 12x32, 8x48, 6x48, 4x64 and 14x32 tiles all within 2%
 * of each other in cache, so the kernel is bound by FMA throughput, not by loads). The bigger
 * kernel, though, is a method C1 cannot compile ("out of virtual registers"), after which HotSpot
 * 17 sometimes never reached C2 for it at all, leaving boxed vectors a thousand times slower. The
 * 6-row kernel (about 970 bytes of bytecode, over the 325-byte inlining limit, compiled on its
 * own) goes through the tiers normally on JDK 17 and 25; AVX2 and 128-bit machines, with 16
 * vector registers, need a tile this size anyway.
 */
final class FloatMicroKernels {
    private FloatMicroKernels() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int L = F.length();
    /** Rows per tile. */
    static final int MR = 6;
    /** Columns per tile: two vectors. */
    static final int NR = 2 * L;

    /** {@code -0.0} in every column of a tile row: the addend that makes {@code AB + S} a plain store. */
    private static final float[] NEG_ZERO = negativeZeros();

    private static float[] negativeZeros() {
        float[] z = new float[NR];
        java.util.Arrays.fill(z, -0.0f);
        return z;
    }

    /** {@code C[6 x NR] (+)= A[6 x kc] B[kc x NR]}; see the class comment for the operand layout. */
    static void kernel(int kc, float[] a, int ao, float[] b, int bo, int bs, float[] c, int co, int ldc, boolean acc) {
        if (acc) {
            kernelAdd(kc, a, ao, b, bo, bs, c, co, ldc, c, co, ldc);
        } else {
            kernelAdd(kc, a, ao, b, bo, bs, c, co, ldc, NEG_ZERO, 0, 0);
        }
    }

    /** {@code C[6 x NR] = A[6 x kc] B[kc x NR] + S}, row {@code r} of {@code S} at {@code s[so + r * sld]}. */
    private static void kernelAdd(int kc, float[] a, int ao, float[] b, int bo, int bs, float[] c, int co, int ldc, float[] s, int so, int sld) {
        FloatVector c0a = FloatVector.zero(F); FloatVector c0b = FloatVector.zero(F);
        FloatVector c1a = FloatVector.zero(F); FloatVector c1b = FloatVector.zero(F);
        FloatVector c2a = FloatVector.zero(F); FloatVector c2b = FloatVector.zero(F);
        FloatVector c3a = FloatVector.zero(F); FloatVector c3b = FloatVector.zero(F);
        FloatVector c4a = FloatVector.zero(F); FloatVector c4b = FloatVector.zero(F);
        FloatVector c5a = FloatVector.zero(F); FloatVector c5b = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * bs;
            int ai = ao + p * 6;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(F, a[ai]);
            c0a = x.fma(b0, c0a); c0b = x.fma(b1, c0b);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c1a = x.fma(b0, c1a); c1b = x.fma(b1, c1b);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c2a = x.fma(b0, c2a); c2b = x.fma(b1, c2b);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c3a = x.fma(b0, c3a); c3b = x.fma(b1, c3b);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c4a = x.fma(b0, c4a); c4b = x.fma(b1, c4b);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c5a = x.fma(b0, c5a); c5b = x.fma(b1, c5b);
        }
        // C = AB + S, one store sequence for every caller (no branch here: see the class comment)
        c0a.add(FloatVector.fromArray(F, s, so)).intoArray(c, co);
        c0b.add(FloatVector.fromArray(F, s, so + L)).intoArray(c, co + L);
        c1a.add(FloatVector.fromArray(F, s, so + 1 * sld)).intoArray(c, co + 1 * ldc);
        c1b.add(FloatVector.fromArray(F, s, so + 1 * sld + L)).intoArray(c, co + 1 * ldc + L);
        c2a.add(FloatVector.fromArray(F, s, so + 2 * sld)).intoArray(c, co + 2 * ldc);
        c2b.add(FloatVector.fromArray(F, s, so + 2 * sld + L)).intoArray(c, co + 2 * ldc + L);
        c3a.add(FloatVector.fromArray(F, s, so + 3 * sld)).intoArray(c, co + 3 * ldc);
        c3b.add(FloatVector.fromArray(F, s, so + 3 * sld + L)).intoArray(c, co + 3 * ldc + L);
        c4a.add(FloatVector.fromArray(F, s, so + 4 * sld)).intoArray(c, co + 4 * ldc);
        c4b.add(FloatVector.fromArray(F, s, so + 4 * sld + L)).intoArray(c, co + 4 * ldc + L);
        c5a.add(FloatVector.fromArray(F, s, so + 5 * sld)).intoArray(c, co + 5 * ldc);
        c5b.add(FloatVector.fromArray(F, s, so + 5 * sld + L)).intoArray(c, co + 5 * ldc + L);
    }

    /** {@link #kernelColsAAdd} storing ({@code acc == false}) or adding into {@code C}. */
    static void kernelColsA(int kc, float[] a, int ao, int lda, float[] b, int bo, float[] c, int co, int ldc, boolean acc) {
        if (acc) {
            kernelColsAAdd(kc, a, ao, lda, b, bo, c, co, ldc, c, co, ldc);
        } else {
            kernelColsAAdd(kc, a, ao, lda, b, bo, c, co, ldc, NEG_ZERO, 0, 0);
        }
    }

    /**
     * Like {@link #kernel} with {@code bs == NR} (a packed {@code B} panel), but {@code A} is read in
     * place from column-major storage: element {@code (r, p)} of the tile at {@code ao + p * lda + r}
     * (such as {@code g.t()} in a Linear layer's weight gradient, so it needs no packing). The
     * multiply-adds run in {@link #kernel}'s order: the same bits as packing {@code A} (with {@code alpha == 1}).
     */
    private static void kernelColsAAdd(int kc, float[] a, int ao, int lda, float[] b, int bo, float[] c, int co, int ldc, float[] s, int so, int sld) {
        FloatVector c0a = FloatVector.zero(F); FloatVector c0b = FloatVector.zero(F);
        FloatVector c1a = FloatVector.zero(F); FloatVector c1b = FloatVector.zero(F);
        FloatVector c2a = FloatVector.zero(F); FloatVector c2b = FloatVector.zero(F);
        FloatVector c3a = FloatVector.zero(F); FloatVector c3b = FloatVector.zero(F);
        FloatVector c4a = FloatVector.zero(F); FloatVector c4b = FloatVector.zero(F);
        FloatVector c5a = FloatVector.zero(F); FloatVector c5b = FloatVector.zero(F);
        int ai = ao;
        int bi = bo;
        for (int p = 0; p < kc; p++, ai += lda, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(F, a[ai]);
            c0a = x.fma(b0, c0a); c0b = x.fma(b1, c0b);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c1a = x.fma(b0, c1a); c1b = x.fma(b1, c1b);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c2a = x.fma(b0, c2a); c2b = x.fma(b1, c2b);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c3a = x.fma(b0, c3a); c3b = x.fma(b1, c3b);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c4a = x.fma(b0, c4a); c4b = x.fma(b1, c4b);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c5a = x.fma(b0, c5a); c5b = x.fma(b1, c5b);
        }
        // C = AB + S, one store sequence for every caller (no branch here: see the class comment)
        c0a.add(FloatVector.fromArray(F, s, so)).intoArray(c, co);
        c0b.add(FloatVector.fromArray(F, s, so + L)).intoArray(c, co + L);
        c1a.add(FloatVector.fromArray(F, s, so + 1 * sld)).intoArray(c, co + 1 * ldc);
        c1b.add(FloatVector.fromArray(F, s, so + 1 * sld + L)).intoArray(c, co + 1 * ldc + L);
        c2a.add(FloatVector.fromArray(F, s, so + 2 * sld)).intoArray(c, co + 2 * ldc);
        c2b.add(FloatVector.fromArray(F, s, so + 2 * sld + L)).intoArray(c, co + 2 * ldc + L);
        c3a.add(FloatVector.fromArray(F, s, so + 3 * sld)).intoArray(c, co + 3 * ldc);
        c3b.add(FloatVector.fromArray(F, s, so + 3 * sld + L)).intoArray(c, co + 3 * ldc + L);
        c4a.add(FloatVector.fromArray(F, s, so + 4 * sld)).intoArray(c, co + 4 * ldc);
        c4b.add(FloatVector.fromArray(F, s, so + 4 * sld + L)).intoArray(c, co + 4 * ldc + L);
        c5a.add(FloatVector.fromArray(F, s, so + 5 * sld)).intoArray(c, co + 5 * ldc);
        c5b.add(FloatVector.fromArray(F, s, so + 5 * sld + L)).intoArray(c, co + 5 * ldc + L);
    }

    /** {@link #kernelRowsAAdd} storing ({@code acc == false}) or adding into {@code C}. */
    static void kernelRowsA(int kc, float[] a, int ao, int lda, float[] b, int bo, float[] c, int co, int ldc, boolean acc) {
        if (acc) {
            kernelRowsAAdd(kc, a, ao, lda, b, bo, c, co, ldc, c, co, ldc);
        } else {
            kernelRowsAAdd(kc, a, ao, lda, b, bo, c, co, ldc, NEG_ZERO, 0, 0);
        }
    }

    /**
     * Like {@link #kernel} with {@code bs == NR} (a packed {@code B} panel), but {@code A} is read in
     * place: row {@code r} of the tile is the {@code kc} contiguous elements at {@code ao + r * lda}
     * (a row-major {@code A}, so it needs no packing). The multiply-adds run in the same order as
     * {@link #kernel}'s, so the result has the same bits as packing {@code A} (with {@code alpha == 1}).
     */
    private static void kernelRowsAAdd(int kc, float[] a, int ao, int lda, float[] b, int bo, float[] c, int co, int ldc, float[] s, int so, int sld) {
        FloatVector c0a = FloatVector.zero(F); FloatVector c0b = FloatVector.zero(F);
        FloatVector c1a = FloatVector.zero(F); FloatVector c1b = FloatVector.zero(F);
        FloatVector c2a = FloatVector.zero(F); FloatVector c2b = FloatVector.zero(F);
        FloatVector c3a = FloatVector.zero(F); FloatVector c3b = FloatVector.zero(F);
        FloatVector c4a = FloatVector.zero(F); FloatVector c4b = FloatVector.zero(F);
        FloatVector c5a = FloatVector.zero(F); FloatVector c5b = FloatVector.zero(F);
        int a0 = ao;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int bi = bo;
        for (int p = 0; p < kc; p++, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(F, a[a0 + p]);
            c0a = x.fma(b0, c0a); c0b = x.fma(b1, c0b);
            x = FloatVector.broadcast(F, a[a1 + p]);
            c1a = x.fma(b0, c1a); c1b = x.fma(b1, c1b);
            x = FloatVector.broadcast(F, a[a2 + p]);
            c2a = x.fma(b0, c2a); c2b = x.fma(b1, c2b);
            x = FloatVector.broadcast(F, a[a3 + p]);
            c3a = x.fma(b0, c3a); c3b = x.fma(b1, c3b);
            x = FloatVector.broadcast(F, a[a4 + p]);
            c4a = x.fma(b0, c4a); c4b = x.fma(b1, c4b);
            x = FloatVector.broadcast(F, a[a5 + p]);
            c5a = x.fma(b0, c5a); c5b = x.fma(b1, c5b);
        }
        // C = AB + S, one store sequence for every caller (no branch here: see the class comment)
        c0a.add(FloatVector.fromArray(F, s, so)).intoArray(c, co);
        c0b.add(FloatVector.fromArray(F, s, so + L)).intoArray(c, co + L);
        c1a.add(FloatVector.fromArray(F, s, so + 1 * sld)).intoArray(c, co + 1 * ldc);
        c1b.add(FloatVector.fromArray(F, s, so + 1 * sld + L)).intoArray(c, co + 1 * ldc + L);
        c2a.add(FloatVector.fromArray(F, s, so + 2 * sld)).intoArray(c, co + 2 * ldc);
        c2b.add(FloatVector.fromArray(F, s, so + 2 * sld + L)).intoArray(c, co + 2 * ldc + L);
        c3a.add(FloatVector.fromArray(F, s, so + 3 * sld)).intoArray(c, co + 3 * ldc);
        c3b.add(FloatVector.fromArray(F, s, so + 3 * sld + L)).intoArray(c, co + 3 * ldc + L);
        c4a.add(FloatVector.fromArray(F, s, so + 4 * sld)).intoArray(c, co + 4 * ldc);
        c4b.add(FloatVector.fromArray(F, s, so + 4 * sld + L)).intoArray(c, co + 4 * ldc + L);
        c5a.add(FloatVector.fromArray(F, s, so + 5 * sld)).intoArray(c, co + 5 * ldc);
        c5b.add(FloatVector.fromArray(F, s, so + 5 * sld + L)).intoArray(c, co + 5 * ldc + L);
    }
}
