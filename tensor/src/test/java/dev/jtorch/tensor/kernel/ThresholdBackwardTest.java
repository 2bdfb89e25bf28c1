package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link ThresholdBackward}'s vector loop plus tail against its scalar reference, bit for bit, over
 * lengths around the vector width and unaligned offsets, with NaN, {@code -0.0}, {@code +0.0} and
 * infinities in both operands, and ATen's rule written out for the special values.
 */
class ThresholdBackwardTest {
    private static final int[] LENGTHS = {0, 1, 7, 8, 15, 16, 17, 31, 33, 64, 257};
    private static final float[] SPECIAL_F = {Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f, -1e-45f};
    private static final double[] SPECIAL_D = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.9e-324, -4.9e-324};

    @Property(tries = 150)
    void floatMatchesTheScalarReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 10) int li,
                                        @ForAll @IntRange(min = 0, max = 5) int go, @ForAll @IntRange(min = 0, max = 5) int so) {
        Random r = new Random(seed);
        int n = LENGTHS[li];
        float[] g = new float[go + n];
        float[] s = new float[so + n];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextInt(6) == 0 ? SPECIAL_F[r.nextInt(SPECIAL_F.length)] : (float) r.nextGaussian();
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(4) == 0 ? SPECIAL_F[r.nextInt(SPECIAL_F.length)] : (float) r.nextGaussian();
        }
        float threshold = r.nextBoolean() ? 0f : (float) r.nextGaussian();
        float[] expected = new float[n + 3];
        float[] actual = new float[n + 3];
        ThresholdBackward.scalar(g, go, s, so, threshold, expected, 3, n);
        ThresholdBackward.apply(g, go, s, so, threshold, actual, 3, n);
        for (int i = 0; i < n + 3; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "n " + n + " at " + i);
        }
    }

    @Property(tries = 150)
    void doubleMatchesTheScalarReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 10) int li,
                                         @ForAll @IntRange(min = 0, max = 5) int go, @ForAll @IntRange(min = 0, max = 5) int so) {
        Random r = new Random(seed);
        int n = LENGTHS[li];
        double[] g = new double[go + n];
        double[] s = new double[so + n];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextInt(6) == 0 ? SPECIAL_D[r.nextInt(SPECIAL_D.length)] : r.nextGaussian();
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(4) == 0 ? SPECIAL_D[r.nextInt(SPECIAL_D.length)] : r.nextGaussian();
        }
        double threshold = r.nextBoolean() ? 0d : r.nextGaussian();
        double[] expected = new double[n + 3];
        double[] actual = new double[n + 3];
        ThresholdBackward.scalar(g, go, s, so, threshold, expected, 3, n);
        ThresholdBackward.apply(g, go, s, so, threshold, actual, 3, n);
        for (int i = 0; i < n + 3; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]), "n " + n + " at " + i);
        }
    }

    /** ATen: {@code self <= threshold ? 0 : grad}; every pair of special values, in a vector-sized run and the tail. */
    @Test
    void specialValuesFollowAtensRule() {
        int n = SPECIAL_F.length * SPECIAL_F.length;
        float[] g = new float[n * 3];
        float[] s = new float[n * 3];
        for (int k = 0; k < g.length; k++) {
            int i = k % n;
            g[k] = SPECIAL_F[i / SPECIAL_F.length] == SPECIAL_F[i / SPECIAL_F.length] ? SPECIAL_F[i / SPECIAL_F.length] + 2f : Float.NaN;
            s[k] = SPECIAL_F[i % SPECIAL_F.length];
        }
        float[] out = new float[g.length];
        ThresholdBackward.apply(g, 0, s, 0, 0f, out, 0, g.length);
        for (int k = 0; k < g.length; k++) {
            float expected = s[k] <= 0f ? 0f : g[k];
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[k]), "self " + s[k] + " grad " + g[k]);
        }
        // -0.0 is <= 0 (gradient 0, and +0.0 at that), NaN is not (gradient passes)
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(out[1]));
        assertEquals(Float.floatToRawIntBits(g[0]), Float.floatToRawIntBits(out[0]));
    }
}
