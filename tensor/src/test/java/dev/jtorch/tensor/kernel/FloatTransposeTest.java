package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link FloatTranspose#transpose16} against the element-by-element definition, on any machine and
 * JDK (where it is not {@link FloatTranspose#ENABLED} it still runs, only slowly): every element of
 * the block lands at its transposed place, with its exact bits (signed zeros included, and NaN
 * payloads where it is enabled), and nothing outside the block's destination is written.
 */
class FloatTransposeTest {

    @Property(tries = 40)
    void transposesExactlyAndWritesOnlyTheBlock(@ForAll @IntRange(min = 16, max = 40) int cs,
                                                @ForAll @IntRange(min = 0, max = 9) int s,
                                                @ForAll @IntRange(min = 16, max = 48) int ds,
                                                @ForAll @IntRange(min = 0, max = 9) int d, @ForAll long seed) {
        if (FloatMicroKernels.L != FloatTranspose.BLOCK) {
            return; // a 16-lane transpose needs 16-lane vectors
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] b = new float[s + 15 * cs + 16 + 3];
        for (int i = 0; i < b.length; i++) {
            int pick = r.nextInt(20);
            b[i] = pick == 0 ? Float.intBitsToFloat(0x7fc01234) : pick == 1 ? -0f : (float) r.nextDouble(-5, 5);
        }
        float[] bp = new float[d + 15 * ds + 16 + 5];
        java.util.Arrays.fill(bp, 7f);
        FloatTranspose.transpose16(b, s, cs, bp, d, ds);
        boolean[] written = new boolean[bp.length];
        for (int j = 0; j < 16; j++) {
            for (int p = 0; p < 16; p++) {
                int at = d + p * ds + j;
                written[at] = true;
                assertEquals(bits(b[s + j * cs + p]), bits(bp[at]), "row " + j + ", column " + p);
            }
        }
        for (int i = 0; i < bp.length; i++) {
            if (!written[i]) {
                assertEquals(7f, bp[i], "untouched " + i);
            }
        }
    }

    /**
     * Raw bits where the transpose is used (JDK 25: NaN payloads survive); elsewhere JDK 17's
     * pure-Java fallback of the two-input {@code rearrange} canonicalizes NaN payloads, which is
     * harmless because the GEMM does not use it there.
     */
    private static int bits(float v) {
        return FloatTranspose.ENABLED ? Float.floatToRawIntBits(v) : Float.floatToIntBits(v);
    }
}
