package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked float64 GEMM micro-kernel: a {@code 6 x NR} tile of {@code C}
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
 * (measured for float32). The bigger kernel, though, is a method C1 cannot compile ("out of
 * virtual registers"), after which HotSpot 17 sometimes never reached C2 for it at all, leaving
 * boxed vectors a thousand times slower. The 6-row kernel (about 970 bytes of bytecode, over the 325-byte inlining limit, compiled on its
 * own) goes through the tiers normally on JDK 17 and 25; AVX2 and 128-bit machines, with 16
 * vector registers, need a tile this size anyway.
 */
final class DoubleMicroKernels {
    private DoubleMicroKernels() {}

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int L = D.length();
    /** Rows per tile. */
    static final int MR = 6;
    /** Columns per tile: two vectors. */
    static final int NR = 2 * L;

    /** {@code -0.0} in every column of a tile row: the addend that makes {@code AB + S} a plain store. */
    private static final double[] NEG_ZERO = negativeZeros();

    private static double[] negativeZeros() {
        double[] z = new double[NR];
        java.util.Arrays.fill(z, -0.0);
        return z;
    }

    /** {@code C[6 x NR] (+)= A[6 x kc] B[kc x NR]}; see the class comment for the operand layout. */
    static void kernel(int kc, double[] a, int ao, double[] b, int bo, int bs, double[] c, int co, int ldc, boolean acc) {
        if (acc) {
            kernelAdd(kc, a, ao, b, bo, bs, c, co, ldc, c, co, ldc);
        } else {
            kernelAdd(kc, a, ao, b, bo, bs, c, co, ldc, NEG_ZERO, 0, 0);
        }
    }

    /** {@code C[6 x NR] = A[6 x kc] B[kc x NR] + S}, row {@code r} of {@code S} at {@code s[so + r * sld]}. */
    private static void kernelAdd(int kc, double[] a, int ao, double[] b, int bo, int bs, double[] c, int co, int ldc, double[] s, int so, int sld) {
        DoubleVector c0a = DoubleVector.zero(D); DoubleVector c0b = DoubleVector.zero(D);
        DoubleVector c1a = DoubleVector.zero(D); DoubleVector c1b = DoubleVector.zero(D);
        DoubleVector c2a = DoubleVector.zero(D); DoubleVector c2b = DoubleVector.zero(D);
        DoubleVector c3a = DoubleVector.zero(D); DoubleVector c3b = DoubleVector.zero(D);
        DoubleVector c4a = DoubleVector.zero(D); DoubleVector c4b = DoubleVector.zero(D);
        DoubleVector c5a = DoubleVector.zero(D); DoubleVector c5b = DoubleVector.zero(D);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * bs;
            int ai = ao + p * 6;
            DoubleVector b0 = DoubleVector.fromArray(D, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bi + L);
            DoubleVector x;
            x = DoubleVector.broadcast(D, a[ai]);
            c0a = x.fma(b0, c0a); c0b = x.fma(b1, c0b);
            x = DoubleVector.broadcast(D, a[ai + 1]);
            c1a = x.fma(b0, c1a); c1b = x.fma(b1, c1b);
            x = DoubleVector.broadcast(D, a[ai + 2]);
            c2a = x.fma(b0, c2a); c2b = x.fma(b1, c2b);
            x = DoubleVector.broadcast(D, a[ai + 3]);
            c3a = x.fma(b0, c3a); c3b = x.fma(b1, c3b);
            x = DoubleVector.broadcast(D, a[ai + 4]);
            c4a = x.fma(b0, c4a); c4b = x.fma(b1, c4b);
            x = DoubleVector.broadcast(D, a[ai + 5]);
            c5a = x.fma(b0, c5a); c5b = x.fma(b1, c5b);
        }
        // C = AB + S, one store sequence for every caller (no branch here: see the class comment)
        c0a.add(DoubleVector.fromArray(D, s, so)).intoArray(c, co);
        c0b.add(DoubleVector.fromArray(D, s, so + L)).intoArray(c, co + L);
        c1a.add(DoubleVector.fromArray(D, s, so + 1 * sld)).intoArray(c, co + 1 * ldc);
        c1b.add(DoubleVector.fromArray(D, s, so + 1 * sld + L)).intoArray(c, co + 1 * ldc + L);
        c2a.add(DoubleVector.fromArray(D, s, so + 2 * sld)).intoArray(c, co + 2 * ldc);
        c2b.add(DoubleVector.fromArray(D, s, so + 2 * sld + L)).intoArray(c, co + 2 * ldc + L);
        c3a.add(DoubleVector.fromArray(D, s, so + 3 * sld)).intoArray(c, co + 3 * ldc);
        c3b.add(DoubleVector.fromArray(D, s, so + 3 * sld + L)).intoArray(c, co + 3 * ldc + L);
        c4a.add(DoubleVector.fromArray(D, s, so + 4 * sld)).intoArray(c, co + 4 * ldc);
        c4b.add(DoubleVector.fromArray(D, s, so + 4 * sld + L)).intoArray(c, co + 4 * ldc + L);
        c5a.add(DoubleVector.fromArray(D, s, so + 5 * sld)).intoArray(c, co + 5 * ldc);
        c5b.add(DoubleVector.fromArray(D, s, so + 5 * sld + L)).intoArray(c, co + 5 * ldc + L);
    }
}
