package dev.jtorch.conformance;

import static dev.jtorch.tensor.DType.FLOAT32;
import static dev.jtorch.tensor.DType.FLOAT64;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The transcendental functions jtorch ports from SLEEF ({@code SleefMath}), bit for bit against
 * libtorch 2.10 over a wide range: every float bit pattern class (random bits: subnormals, huge,
 * NaN payloads), uniform values over each function's interesting range and past its cut-offs,
 * small values, and the special values. Lengths that are not multiples of the vector width, so
 * libtorch's masked tail loads and jtorch's scalar tails are both covered, plus a strided view.
 */
class SleefConformanceTest {
    private static final float[] SPECIAL_F = {0f, -0f, 1f, -1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.NaN, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-40f, Float.MAX_VALUE,
        -Float.MAX_VALUE, 8.664339742f, Math.nextUp(8.664339742f), -8.664339742f, 88.72283f, 88.72284f, -16.635532f,
        -16.635534f, 1e38f, 1.1e38f, -0.99999994f, 0.5f, 1e-7f, -1e-7f, 3e-4f, 0.6931472f, 104f, -104f, 126f, -150f};
    private static final double[] SPECIAL_D = {0d, -0d, 1d, -1d, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, Double.MAX_VALUE, -Double.MAX_VALUE,
        19.0615, 19.07, -19.07, 709.78, 709.79, -37.43, -37.5, 1e300, -0.9999999999999999, 0.5, 1e-17, -1e-17, 3e-4};

    private static double[] values(Random r, int n, DType dt, double range) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(8);
            v[i] = k == 0 ? (dt == FLOAT32 ? SPECIAL_F[r.nextInt(SPECIAL_F.length)] : SPECIAL_D[r.nextInt(SPECIAL_D.length)])
                    : k == 1 ? (dt == FLOAT32 ? Float.intBitsToFloat(r.nextInt()) : Double.longBitsToDouble(r.nextLong()))
                    : k == 2 ? r.nextGaussian() * 1e-4
                    : k == 3 ? r.nextGaussian()
                    : (r.nextDouble() * 2 - 1) * range;
        }
        return v;
    }

    private final List<DynamicTest> tests = new ArrayList<>();

    private void exact(String name, DType dt, double range, Function<NDArray, NDArray> j, Function<Tensor, Tensor> t) {
        exact(name, dt, range, 100_003, j, t);
    }

    private void exact(String name, DType dt, double range, int big, Function<NDArray, NDArray> j, Function<Tensor, Tensor> t) {
        tests.add(DynamicTest.dynamicTest(name + " " + dt, () -> {
            Oracle.require();
            Random r = new Random((name + dt).hashCode());
            for (int n : new int[] {big, 1, 7, 15, 16, 17, 33, 257}) {
                try (PointerScope scope = new PointerScope()) {
                    NDArray x = NDArray.wrap(values(r, n, dt, range), new int[] {n}).to(dt);
                    Tensor tx = Oracle.toTorch(x);
                    Tolerance.EXACT.check(Oracle.fromTorch(t.apply(tx)), j.apply(x), null, name + " " + dt + " n=" + n);
                    if (n > 2) {
                        NDArray xs = x.slice(0, 1, n, 2);
                        Tolerance.EXACT.check(Oracle.fromTorch(t.apply(Oracle.toTorch(xs))), j.apply(xs), null,
                                name + " " + dt + " strided n=" + n);
                    }
                }
            }
        }));
    }

    @TestFactory
    List<DynamicTest> bitExact() {
        exact("tanh", FLOAT32, 12, NDArray::tanh, torch::tanh);
        exact("expm1", FLOAT32, 110, NDArray::expm1, torch::expm1);
        exact("log1p", FLOAT32, 1e4, NDArray::log1p, torch::log1p);
        exact("log2", FLOAT32, 1e4, NDArray::log2, torch::log2);
        exact("log10", FLOAT32, 1e4, NDArray::log10, torch::log10);
        // at most 32768 elements: libtorch splits longer sigmoid/silu inputs over its threads and each
        // chunk ends in a scalar tail (glibc expf), which depends on its thread count
        exact("sigmoid", FLOAT32, 120, 32_765, NDArray::sigmoid, torch::sigmoid);
        exact("silu", FLOAT32, 120, 32_765, NDArray::silu, torch::silu);
        return tests;
    }
}
