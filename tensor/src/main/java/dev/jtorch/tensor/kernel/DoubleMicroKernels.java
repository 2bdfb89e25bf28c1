package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked double GEMM micro-kernels: an {@code MR x NR} tile of {@code C} held in
 * {@code MR * 2} vector accumulators (separate locals, so C2 keeps them in registers), updated
 * by one {@code fma} per accumulator and step of {@code k}: broadcast one element of {@code A},
 * multiply it by two vectors of {@code B}.
 *
 * <p>{@code a} is a packed {@code A} micro-panel: element {@code (r, p)} at {@code ao + p * MR + r}
 * (zero-padded to {@code MR} rows). Row {@code p} of the {@code B} micro-panel is the {@code NR}
 * elements at {@code bo + p * bs}: a packed panel ({@code bs == NR}) or, for small problems, the
 * rows of a row-major {@code B} read in place ({@code bs} = its row stride). The tile is written
 * to {@code c[co + r * ldc + j]}: {@code acc} adds it to what is there, otherwise overwrites.
 *
 * <p>The 12-row kernel needs 24 accumulators plus 3 more vector registers: it is used where the
 * preferred species is 512 bits wide (AVX-512 has 32 vector registers). Narrower species (AVX2,
 * NEON, SSE: 16 registers) use 6 rows, 12 accumulators. The methods exceed the 325-byte inlining
 * limit on purpose; they are compiled on their own (verified with {@code -XX:+PrintCompilation}).
 */
final class DoubleMicroKernels {
    private DoubleMicroKernels() {}

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int L = D.length();
    /** Rows per tile: 12 with 32 vector registers (512-bit species), else 6. */
    static final int MR = D.vectorBitSize() >= 512 ? 12 : 6;
    /** Columns per tile: two vectors. */
    static final int NR = 2 * L;

    /** Dispatches to the kernel of this machine's {@link #MR}. */
    static void kernel(int kc, double[] a, int ao, double[] b, int bo, int bs, double[] c, int co, int ldc, boolean acc) {
        if (MR == 12) {
            kernel12x2(kc, a, ao, b, bo, bs, c, co, ldc, acc);
        } else {
            kernel6x2(kc, a, ao, b, bo, bs, c, co, ldc, acc);
        }
    }

    /** The 12 x 2-vector tile; see the class comment for the operand layout. */
    static void kernel12x2(int kc, double[] a, int ao, double[] b, int bo, int bs, double[] c, int co, int ldc, boolean acc) {
        DoubleVector c0a = DoubleVector.zero(D); DoubleVector c0b = DoubleVector.zero(D);
        DoubleVector c1a = DoubleVector.zero(D); DoubleVector c1b = DoubleVector.zero(D);
        DoubleVector c2a = DoubleVector.zero(D); DoubleVector c2b = DoubleVector.zero(D);
        DoubleVector c3a = DoubleVector.zero(D); DoubleVector c3b = DoubleVector.zero(D);
        DoubleVector c4a = DoubleVector.zero(D); DoubleVector c4b = DoubleVector.zero(D);
        DoubleVector c5a = DoubleVector.zero(D); DoubleVector c5b = DoubleVector.zero(D);
        DoubleVector c6a = DoubleVector.zero(D); DoubleVector c6b = DoubleVector.zero(D);
        DoubleVector c7a = DoubleVector.zero(D); DoubleVector c7b = DoubleVector.zero(D);
        DoubleVector c8a = DoubleVector.zero(D); DoubleVector c8b = DoubleVector.zero(D);
        DoubleVector c9a = DoubleVector.zero(D); DoubleVector c9b = DoubleVector.zero(D);
        DoubleVector c10a = DoubleVector.zero(D); DoubleVector c10b = DoubleVector.zero(D);
        DoubleVector c11a = DoubleVector.zero(D); DoubleVector c11b = DoubleVector.zero(D);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * bs;
            int ai = ao + p * 12;
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
            x = DoubleVector.broadcast(D, a[ai + 6]);
            c6a = x.fma(b0, c6a); c6b = x.fma(b1, c6b);
            x = DoubleVector.broadcast(D, a[ai + 7]);
            c7a = x.fma(b0, c7a); c7b = x.fma(b1, c7b);
            x = DoubleVector.broadcast(D, a[ai + 8]);
            c8a = x.fma(b0, c8a); c8b = x.fma(b1, c8b);
            x = DoubleVector.broadcast(D, a[ai + 9]);
            c9a = x.fma(b0, c9a); c9b = x.fma(b1, c9b);
            x = DoubleVector.broadcast(D, a[ai + 10]);
            c10a = x.fma(b0, c10a); c10b = x.fma(b1, c10b);
            x = DoubleVector.broadcast(D, a[ai + 11]);
            c11a = x.fma(b0, c11a); c11b = x.fma(b1, c11b);
        }
        if (acc) {
            c0a = c0a.add(DoubleVector.fromArray(D, c, co)); c0b = c0b.add(DoubleVector.fromArray(D, c, co + L));
            c1a = c1a.add(DoubleVector.fromArray(D, c, co + 1 * ldc)); c1b = c1b.add(DoubleVector.fromArray(D, c, co + 1 * ldc + L));
            c2a = c2a.add(DoubleVector.fromArray(D, c, co + 2 * ldc)); c2b = c2b.add(DoubleVector.fromArray(D, c, co + 2 * ldc + L));
            c3a = c3a.add(DoubleVector.fromArray(D, c, co + 3 * ldc)); c3b = c3b.add(DoubleVector.fromArray(D, c, co + 3 * ldc + L));
            c4a = c4a.add(DoubleVector.fromArray(D, c, co + 4 * ldc)); c4b = c4b.add(DoubleVector.fromArray(D, c, co + 4 * ldc + L));
            c5a = c5a.add(DoubleVector.fromArray(D, c, co + 5 * ldc)); c5b = c5b.add(DoubleVector.fromArray(D, c, co + 5 * ldc + L));
            c6a = c6a.add(DoubleVector.fromArray(D, c, co + 6 * ldc)); c6b = c6b.add(DoubleVector.fromArray(D, c, co + 6 * ldc + L));
            c7a = c7a.add(DoubleVector.fromArray(D, c, co + 7 * ldc)); c7b = c7b.add(DoubleVector.fromArray(D, c, co + 7 * ldc + L));
            c8a = c8a.add(DoubleVector.fromArray(D, c, co + 8 * ldc)); c8b = c8b.add(DoubleVector.fromArray(D, c, co + 8 * ldc + L));
            c9a = c9a.add(DoubleVector.fromArray(D, c, co + 9 * ldc)); c9b = c9b.add(DoubleVector.fromArray(D, c, co + 9 * ldc + L));
            c10a = c10a.add(DoubleVector.fromArray(D, c, co + 10 * ldc)); c10b = c10b.add(DoubleVector.fromArray(D, c, co + 10 * ldc + L));
            c11a = c11a.add(DoubleVector.fromArray(D, c, co + 11 * ldc)); c11b = c11b.add(DoubleVector.fromArray(D, c, co + 11 * ldc + L));
        }
        c0a.intoArray(c, co); c0b.intoArray(c, co + L);
        c1a.intoArray(c, co + 1 * ldc); c1b.intoArray(c, co + 1 * ldc + L);
        c2a.intoArray(c, co + 2 * ldc); c2b.intoArray(c, co + 2 * ldc + L);
        c3a.intoArray(c, co + 3 * ldc); c3b.intoArray(c, co + 3 * ldc + L);
        c4a.intoArray(c, co + 4 * ldc); c4b.intoArray(c, co + 4 * ldc + L);
        c5a.intoArray(c, co + 5 * ldc); c5b.intoArray(c, co + 5 * ldc + L);
        c6a.intoArray(c, co + 6 * ldc); c6b.intoArray(c, co + 6 * ldc + L);
        c7a.intoArray(c, co + 7 * ldc); c7b.intoArray(c, co + 7 * ldc + L);
        c8a.intoArray(c, co + 8 * ldc); c8b.intoArray(c, co + 8 * ldc + L);
        c9a.intoArray(c, co + 9 * ldc); c9b.intoArray(c, co + 9 * ldc + L);
        c10a.intoArray(c, co + 10 * ldc); c10b.intoArray(c, co + 10 * ldc + L);
        c11a.intoArray(c, co + 11 * ldc); c11b.intoArray(c, co + 11 * ldc + L);
    }

    /** The 6 x 2-vector tile; see the class comment for the operand layout. */
    static void kernel6x2(int kc, double[] a, int ao, double[] b, int bo, int bs, double[] c, int co, int ldc, boolean acc) {
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
        if (acc) {
            c0a = c0a.add(DoubleVector.fromArray(D, c, co)); c0b = c0b.add(DoubleVector.fromArray(D, c, co + L));
            c1a = c1a.add(DoubleVector.fromArray(D, c, co + 1 * ldc)); c1b = c1b.add(DoubleVector.fromArray(D, c, co + 1 * ldc + L));
            c2a = c2a.add(DoubleVector.fromArray(D, c, co + 2 * ldc)); c2b = c2b.add(DoubleVector.fromArray(D, c, co + 2 * ldc + L));
            c3a = c3a.add(DoubleVector.fromArray(D, c, co + 3 * ldc)); c3b = c3b.add(DoubleVector.fromArray(D, c, co + 3 * ldc + L));
            c4a = c4a.add(DoubleVector.fromArray(D, c, co + 4 * ldc)); c4b = c4b.add(DoubleVector.fromArray(D, c, co + 4 * ldc + L));
            c5a = c5a.add(DoubleVector.fromArray(D, c, co + 5 * ldc)); c5b = c5b.add(DoubleVector.fromArray(D, c, co + 5 * ldc + L));
        }
        c0a.intoArray(c, co); c0b.intoArray(c, co + L);
        c1a.intoArray(c, co + 1 * ldc); c1b.intoArray(c, co + 1 * ldc + L);
        c2a.intoArray(c, co + 2 * ldc); c2b.intoArray(c, co + 2 * ldc + L);
        c3a.intoArray(c, co + 3 * ldc); c3b.intoArray(c, co + 3 * ldc + L);
        c4a.intoArray(c, co + 4 * ldc); c4b.intoArray(c, co + 4 * ldc + L);
        c5a.intoArray(c, co + 5 * ldc); c5b.intoArray(c, co + 5 * ldc + L);
    }
}
