package dev.jtorch.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.kernel.FloatConvGemm.Geometry;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link FloatConvFewTaps} against {@link FloatConvGemm} (the path it replaces), bit for bit: random
 * few-tap geometries (channels, kernel sizes, row strides, dilation, image widths around the vector
 * width), with and without bias, at offsets inside bigger arrays (a group's slice), with zeros,
 * {@code -0.0} and NaN among the values; every element of the output array must match, so nothing
 * outside the product's outputs is written either.
 */
class FloatConvFewTapsTest {

    @Property(tries = 200)
    void sameBitsAsTheImplicitGemm(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cg = 1 + r.nextInt(2);
        int kh = 1 + r.nextInt(3);
        int kw = 1 + r.nextInt(3);
        if (cg * kh * kw > FloatConvFewTaps.MAX_TAPS || kh * kw == 1 && cg == 1 && r.nextBoolean()) {
            kh = 3;
            kw = 3;
            cg = 1;
        }
        int dh = 1 + r.nextInt(2);
        int dw = 1 + r.nextInt(2);
        int sh = 1 + r.nextInt(2);
        int h = (kh - 1) * dh + 1 + r.nextInt(12);
        int w = (kw - 1) * dw + FloatMicroKernels.L / 2 + r.nextInt(40);
        int oh = (h - (kh - 1) * dh - 1) / sh + 1;
        int ow = w - (kw - 1) * dw;
        Geometry g = new Geometry(cg, h, w, kh, kw, sh, 1, 0, 0, dh, dw, oh, ow);
        assertTrue(FloatConvFewTaps.applies(g), g.toString());
        int m = 1 + r.nextInt(20);
        int ns = 1 + r.nextInt(3);
        int cTotal = cg + r.nextInt(2);
        int oTotal = m + r.nextInt(3);
        int k = cg * kh * kw;
        float[] x = values(r, 5 + ns * cTotal * h * w + r.nextInt(3));
        float[] wt = values(r, 2 + oTotal * k);
        float[] bias = r.nextBoolean() ? values(r, 1 + oTotal) : null;
        int p = oh * ow;
        int ySample = oTotal * p;
        float[] expected = new float[ns * ySample + 4];
        Arrays.fill(expected, 7f);
        float[] actual = expected.clone();
        int yOff = (oTotal - m) * p;
        FloatConvGemm.forward(g, m, wt, 2, bias, 1, x, 5, cTotal * h * w, ns, expected, yOff, ySample, false);
        FloatConvFewTaps.forward(g, m, wt, 2, bias, 1, x, 5, cTotal * h * w, ns, actual, yOff, ySample);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), g + " m " + m + " at " + i);
        }
    }

    private static float[] values(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(40);
            v[i] = kind == 0 ? Float.NaN : kind == 1 ? -0f : kind < 5 ? 0f : (float) r.nextGaussian();
        }
        return v;
    }
}
