package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * An in-register {@code 16 x 16} float32 transpose for packing a transposed GEMM operand (such as
 * a Linear layer's {@code weight.t()}, whose columns are contiguous): sixteen vector loads, four
 * rounds of two-input lane shuffles, sixteen vector stores. It is a plain copy, so the packed panel
 * (and every GEMM result) has the same bits as with the scalar copy it replaces.
 *
 * <p>Used only where it was measured to pay ({@link #ENABLED}): 512-bit vectors (16 float lanes) on
 * JDK 25, where it packs about 1.8x faster than the blocked scalar copy (0.5 vs 0.9 ns per element
 * on the 2-core AVX-512 machine). JDK 17 does not intrinsify the two-input {@code rearrange} and
 * runs this on boxed vectors, about 8x slower than the scalar copy, so there (and with other vector
 * widths) the scalar copy stays.
 */
final class FloatTranspose {
    private FloatTranspose() {}

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** The block edge: the float lanes of a 512-bit vector. */
    static final int BLOCK = 16;
    /** Whether {@link #transpose16} may be used: 16 float lanes and JDK 25 or later. */
    static final boolean ENABLED = F.length() == BLOCK && Runtime.version().feature() >= 25;

    /*
     * Round h (1, 2, 4, 8) pairs rows j and j + h (j & h == 0); with x = row j and y = row j + h:
     * LO picks lane i of x where i & h == 0, else lane i - h of y; HI picks lane i + h of x where
     * i & h == 0, else lane i of y. Lanes of y are the shuffle's "exceptional" indexes (i - 16).
     */
    private static final VectorShuffle<Float> LO1 = shuffle(1, false);
    private static final VectorShuffle<Float> HI1 = shuffle(1, true);
    private static final VectorShuffle<Float> LO2 = shuffle(2, false);
    private static final VectorShuffle<Float> HI2 = shuffle(2, true);
    private static final VectorShuffle<Float> LO4 = shuffle(4, false);
    private static final VectorShuffle<Float> HI4 = shuffle(4, true);
    private static final VectorShuffle<Float> LO8 = shuffle(8, false);
    private static final VectorShuffle<Float> HI8 = shuffle(8, true);

    private static VectorShuffle<Float> shuffle(int h, boolean hi) {
        int n = F.length();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            int fromX = hi ? i + h : i;
            int fromY = hi ? i : i - h;
            idx[i] = (i & h) == 0 ? fromX % n : fromY - n;
        }
        return VectorShuffle.fromArray(F, idx, 0);
    }

    /**
     * Writes the transpose of the {@code 16 x 16} block whose row {@code j} is the 16 contiguous
     * elements at {@code s + j * cs} of {@code b}: element {@code (j, p)} goes to
     * {@code bp[d + p * ds + j]}. Only call when {@link #ENABLED}.
     */
    static void transpose16(float[] b, int s, int cs, float[] bp, int d, int ds) {
        FloatVector v0 = FloatVector.fromArray(F, b, s + 0 * cs);
        FloatVector v1 = FloatVector.fromArray(F, b, s + 1 * cs);
        FloatVector v2 = FloatVector.fromArray(F, b, s + 2 * cs);
        FloatVector v3 = FloatVector.fromArray(F, b, s + 3 * cs);
        FloatVector v4 = FloatVector.fromArray(F, b, s + 4 * cs);
        FloatVector v5 = FloatVector.fromArray(F, b, s + 5 * cs);
        FloatVector v6 = FloatVector.fromArray(F, b, s + 6 * cs);
        FloatVector v7 = FloatVector.fromArray(F, b, s + 7 * cs);
        FloatVector v8 = FloatVector.fromArray(F, b, s + 8 * cs);
        FloatVector v9 = FloatVector.fromArray(F, b, s + 9 * cs);
        FloatVector v10 = FloatVector.fromArray(F, b, s + 10 * cs);
        FloatVector v11 = FloatVector.fromArray(F, b, s + 11 * cs);
        FloatVector v12 = FloatVector.fromArray(F, b, s + 12 * cs);
        FloatVector v13 = FloatVector.fromArray(F, b, s + 13 * cs);
        FloatVector v14 = FloatVector.fromArray(F, b, s + 14 * cs);
        FloatVector v15 = FloatVector.fromArray(F, b, s + 15 * cs);
        FloatVector a0 = v0.rearrange(LO1, v1);
        FloatVector a1 = v0.rearrange(HI1, v1);
        FloatVector a2 = v2.rearrange(LO1, v3);
        FloatVector a3 = v2.rearrange(HI1, v3);
        FloatVector a4 = v4.rearrange(LO1, v5);
        FloatVector a5 = v4.rearrange(HI1, v5);
        FloatVector a6 = v6.rearrange(LO1, v7);
        FloatVector a7 = v6.rearrange(HI1, v7);
        FloatVector a8 = v8.rearrange(LO1, v9);
        FloatVector a9 = v8.rearrange(HI1, v9);
        FloatVector a10 = v10.rearrange(LO1, v11);
        FloatVector a11 = v10.rearrange(HI1, v11);
        FloatVector a12 = v12.rearrange(LO1, v13);
        FloatVector a13 = v12.rearrange(HI1, v13);
        FloatVector a14 = v14.rearrange(LO1, v15);
        FloatVector a15 = v14.rearrange(HI1, v15);
        FloatVector b0 = a0.rearrange(LO2, a2);
        FloatVector b2 = a0.rearrange(HI2, a2);
        FloatVector b1 = a1.rearrange(LO2, a3);
        FloatVector b3 = a1.rearrange(HI2, a3);
        FloatVector b4 = a4.rearrange(LO2, a6);
        FloatVector b6 = a4.rearrange(HI2, a6);
        FloatVector b5 = a5.rearrange(LO2, a7);
        FloatVector b7 = a5.rearrange(HI2, a7);
        FloatVector b8 = a8.rearrange(LO2, a10);
        FloatVector b10 = a8.rearrange(HI2, a10);
        FloatVector b9 = a9.rearrange(LO2, a11);
        FloatVector b11 = a9.rearrange(HI2, a11);
        FloatVector b12 = a12.rearrange(LO2, a14);
        FloatVector b14 = a12.rearrange(HI2, a14);
        FloatVector b13 = a13.rearrange(LO2, a15);
        FloatVector b15 = a13.rearrange(HI2, a15);
        FloatVector c0 = b0.rearrange(LO4, b4);
        FloatVector c4 = b0.rearrange(HI4, b4);
        FloatVector c1 = b1.rearrange(LO4, b5);
        FloatVector c5 = b1.rearrange(HI4, b5);
        FloatVector c2 = b2.rearrange(LO4, b6);
        FloatVector c6 = b2.rearrange(HI4, b6);
        FloatVector c3 = b3.rearrange(LO4, b7);
        FloatVector c7 = b3.rearrange(HI4, b7);
        FloatVector c8 = b8.rearrange(LO4, b12);
        FloatVector c12 = b8.rearrange(HI4, b12);
        FloatVector c9 = b9.rearrange(LO4, b13);
        FloatVector c13 = b9.rearrange(HI4, b13);
        FloatVector c10 = b10.rearrange(LO4, b14);
        FloatVector c14 = b10.rearrange(HI4, b14);
        FloatVector c11 = b11.rearrange(LO4, b15);
        FloatVector c15 = b11.rearrange(HI4, b15);
        FloatVector d0 = c0.rearrange(LO8, c8);
        FloatVector d8 = c0.rearrange(HI8, c8);
        FloatVector d1 = c1.rearrange(LO8, c9);
        FloatVector d9 = c1.rearrange(HI8, c9);
        FloatVector d2 = c2.rearrange(LO8, c10);
        FloatVector d10 = c2.rearrange(HI8, c10);
        FloatVector d3 = c3.rearrange(LO8, c11);
        FloatVector d11 = c3.rearrange(HI8, c11);
        FloatVector d4 = c4.rearrange(LO8, c12);
        FloatVector d12 = c4.rearrange(HI8, c12);
        FloatVector d5 = c5.rearrange(LO8, c13);
        FloatVector d13 = c5.rearrange(HI8, c13);
        FloatVector d6 = c6.rearrange(LO8, c14);
        FloatVector d14 = c6.rearrange(HI8, c14);
        FloatVector d7 = c7.rearrange(LO8, c15);
        FloatVector d15 = c7.rearrange(HI8, c15);
        d0.intoArray(bp, d + 0 * ds);
        d1.intoArray(bp, d + 1 * ds);
        d2.intoArray(bp, d + 2 * ds);
        d3.intoArray(bp, d + 3 * ds);
        d4.intoArray(bp, d + 4 * ds);
        d5.intoArray(bp, d + 5 * ds);
        d6.intoArray(bp, d + 6 * ds);
        d7.intoArray(bp, d + 7 * ds);
        d8.intoArray(bp, d + 8 * ds);
        d9.intoArray(bp, d + 9 * ds);
        d10.intoArray(bp, d + 10 * ds);
        d11.intoArray(bp, d + 11 * ds);
        d12.intoArray(bp, d + 12 * ds);
        d13.intoArray(bp, d + 13 * ds);
        d14.intoArray(bp, d + 14 * ds);
        d15.intoArray(bp, d + 15 * ds);
    }
}
