package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.tensor.PoolShapes.Geometry;
import dev.jtorch.tensor.PoolShapes.Window;
import dev.jtorch.tensor.kernel.VectorMaxPool;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The vectorised 2x2 stride-2 max pool against the scalar scan ({@link MaxPoolKernels}, which
 * implements ATen's {@code cpu_max_pool}): the same bits for values and the same indices, on
 * planes whose output count is below, at and around multiples of the vector length (the scalar
 * tail), odd input sizes (an unused last row or column), ties (zeros as after a ReLU, and -0.0
 * against 0.0, where the first in window order must win) and NaNs (the last NaN's index wins).
 * The row-by-row variant is checked on ranges of planes, including that it writes nothing outside them.
 */
class VectorMaxPoolTest {

    @Property(tries = 150)
    void matchesTheScalarScan(@ForAll long seed, @ForAll @IntRange(min = 2, max = 41) int h,
                              @ForAll @IntRange(min = 2, max = 71) int w, @ForAll @IntRange(min = 1, max = 5) int planes) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] in = new float[planes * h * w];
        for (int i = 0; i < in.length; i++) {
            int kind = r.nextInt(10);
            in[i] = kind == 0 ? Float.NaN : kind == 1 ? -0f : kind < 5 ? 0f : kind < 7 ? (float) r.nextInt(3)
                    : (float) r.nextGaussian();
        }
        int oH = h / 2;
        int oW = w / 2;
        Geometry g = new Geometry(planes, h, w, oH, oW);
        float[] expected = new float[planes * oH * oW];
        long[] expectedIdx = new long[expected.length];
        float[] actual = new float[expected.length];
        long[] actualIdx = new long[expected.length];
        int[] starts = VectorMaxPool.windowStarts(w, oH, oW);
        for (int p = 0; p < planes; p++) {
            // the generic scan (ceil_mode picks the same windows here but skips any fast path)
            MaxPoolKernels.forward(in, p * h * w, expected, expectedIdx, p * oH * oW, g,
                    new Window(2, 2, 2, 2, 0, 0, 1, 1, true));
            VectorMaxPool.forward2x2(in, p * h * w, w, starts, actual, actualIdx, p * oH * oW);
        }
        assertArrayEquals(expectedIdx, actualIdx, "indices");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "value " + i);
        }
        // several planes at once, vectors straddling planes (from the first plane and from the second)
        if (oH * oW >= VectorMaxPool.LANES) {
            for (int p0 = 0; p0 < Math.min(2, planes); p0++) {
                float[] v = new float[expected.length];
                long[] vi = new long[expected.length];
                VectorMaxPool.forward2x2Planes(in, 0, h * w, w, starts, p0, planes, v, vi, 0);
                for (int i = p0 * oH * oW; i < expected.length; i++) {
                    assertEquals(expectedIdx[i], vi[i], "planes index " + i);
                    assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(v[i]), "planes value " + i);
                }
            }
        }
        // row by row ({@code forward2x2Rows}), for a range of planes read from an offset input; outputs
        // outside the range (another thread's) keep what they held
        for (int p0 = 0; p0 < Math.min(2, planes); p0++) {
            int p1 = Math.max(p0 + 1, planes - p0);
            float[] shifted = new float[in.length + 3];
            System.arraycopy(in, 0, shifted, 3, in.length);
            float[] v = new float[expected.length];
            long[] vi = new long[expected.length];
            java.util.Arrays.fill(v, -0f);
            java.util.Arrays.fill(vi, -7);
            VectorMaxPool.forward2x2Rows(shifted, 3, h * w, w, oH, oW, p0, p1, v, vi, 0);
            for (int i = 0; i < expected.length; i++) {
                boolean inRange = i >= p0 * oH * oW && i < p1 * oH * oW;
                assertEquals(inRange ? expectedIdx[i] : -7, vi[i], "rows index " + i);
                assertEquals(Float.floatToRawIntBits(inRange ? expected[i] : -0f), Float.floatToRawIntBits(v[i]), "rows value " + i);
            }
        }
        // and through the public op, which takes this path for float32
        NDArray x = NDArray.wrap(in, new int[] {1, planes, h, w});
        ValuesIndices vi = x.maxPool2dWithIndices(new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, false);
        assertArrayEquals(expectedIdx, vi.indices().toLongArray(), "op indices");
        float[] op = vi.values().toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(op[i]), "op value " + i);
        }
    }
}
