package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code sum_to_size} (autograd's un-broadcast, e.g. a Linear bias gradient) against a reference
 * that adds the summed elements one by one in row-major order of the input, exactly as
 * {@link SumToSize} defines its result: the bits must match whether a row runs on the vector add
 * kernel (distinct output elements) or the scalar loop (a summed innermost dim), for float32 and
 * float64, contiguous and transposed inputs, and row lengths around the vector width.
 */
class SumToSizeTest {

    @Property(tries = 120)
    void matchesSequentialSumBitForBit(@ForAll @IntRange(min = 1, max = 9) int rows,
                                       @ForAll @IntRange(min = 0, max = 70) int cols,
                                       @ForAll @IntRange(min = 0, max = 3) int mode,
                                       @ForAll boolean transposed, @ForAll boolean dbl, @ForAll long seed) {
        DType dt = dbl ? DType.FLOAT64 : DType.FLOAT32;
        NDArray a = random(transposed ? new int[] {cols, rows} : new int[] {rows, cols}, dt, seed);
        if (transposed) {
            a = a.t();
        }
        // mode: 0 -> [cols], 1 -> [1, cols], 2 -> [rows, 1], 3 -> [1, 1]
        int[] target = mode == 0 ? new int[] {cols} : mode == 1 ? new int[] {1, cols}
                : mode == 2 ? new int[] {rows, 1} : new int[] {1, 1};
        NDArray out = a.sumToSize(target);
        assertArrayEquals(target, out.sizes());
        int tr = mode == 2 ? rows : 1;
        int tc = mode == 0 || mode == 1 ? cols : 1;
        double[] expect = new double[tr * tc];
        if (dbl) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (tr == 1 ? 0 : i) * tc + (tc == 1 ? 0 : j);
                    expect[o] = expect[o] + a.getDouble(i, j);
                }
            }
            assertArrayEquals(expect, out.toDoubleArray());
        } else {
            float[] e = new float[tr * tc];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int o = (tr == 1 ? 0 : i) * tc + (tc == 1 ? 0 : j);
                    e[o] = e[o] + (float) a.getDouble(i, j);
                }
            }
            float[] actual = out.toFloatArray();
            assertEquals(e.length, actual.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Float.floatToIntBits(e[i]), Float.floatToIntBits(actual[i]), "element " + i);
            }
        }
    }

    private static NDArray random(int[] shape, DType dt, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = shape[0] * shape[1];
        if (dt == DType.FLOAT64) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextDouble(-2, 2);
            }
            return NDArray.wrap(v, shape);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextDouble(-2, 2);
        }
        return NDArray.wrap(v, shape);
    }
}
