package dev.jtorch.testing;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for shapes and tensors. Shrinking goes toward small ranks, small sizes
 * and values near zero, so a failing gradient property reports a small readable case.
 *
 * <pre>{@code
 * @Property(tries = 100)
 * void expGradient(@ForAll("x") Tensor x) { GradientProperties.assertGradcheck(t -> t[0].exp(), x); }
 * @Provide Arbitrary<Tensor> x() { return TensorArbitraries.tensors(TensorArbitraries.shapes(3, 4), -2, 2); }
 * }</pre>
 */
public final class TensorArbitraries {
    private TensorArbitraries() {}

    /** Shapes of rank 0..maxRank with each size in 1..maxSize. */
    public static Arbitrary<int[]> shapes(int maxRank, int maxSize) {
        return shapes(0, maxRank, 1, maxSize);
    }

    /** Shapes of rank minRank..maxRank with sizes in minSize..maxSize (minSize 0 allows empty dims). */
    public static Arbitrary<int[]> shapes(int minRank, int maxRank, int minSize, int maxSize) {
        return Arbitraries.integers().between(minSize, maxSize).array(int[].class).ofMinSize(minRank).ofMaxSize(maxRank);
    }

    /**
     * Pairs of shapes that broadcast together: from one shape, each side may drop leading dims
     * and replace sizes by 1. Returns {@code {a, b}}.
     */
    public static Arbitrary<int[][]> broadcastPairs(int maxRank, int maxSize) {
        return shapes(maxRank, maxSize).flatMap(full -> {
            int r = full.length;
            Arbitrary<int[]> side = Combinators.combine(
                    Arbitraries.integers().between(0, r),
                    Arbitraries.integers().between(0, (1 << Math.max(r, 1)) - 1))
                    .as((drop, ones) -> {
                        int[] s = Arrays.copyOfRange(full, drop, r);
                        for (int i = 0; i < s.length; i++) {
                            if ((ones >> i & 1) != 0) {
                                s[i] = 1;
                            }
                        }
                        return s;
                    });
            return Combinators.combine(side, side).as((a, b) -> new int[][] {a, b});
        });
    }

    /** float64 leaves that require grad, of the given shapes, values uniform in [lo, hi]. */
    public static Arbitrary<Tensor> tensors(Arbitrary<int[]> shapes, double lo, double hi) {
        return shapes.flatMap(s -> tensors(s, DType.FLOAT64, lo, hi));
    }

    /** Leaves that require grad (when floating) of one shape and dtype, values in [lo, hi]. */
    public static Arbitrary<Tensor> tensors(int[] shape, DType dtype, double lo, double hi) {
        int n = NDArray.zeros(shape).numel();
        return Arbitraries.doubles().between(lo, hi).ofScale(3).array(double[].class).ofSize(n).map(v -> {
            Tensor t = new Tensor(NDArray.wrap(v, shape).to(dtype));
            return dtype.isFloatingPoint() ? t.requiresGrad_(true) : t;
        });
    }

    /**
     * Like {@link #tensors(Arbitrary, double, double)} but every value keeps at least {@code margin}
     * away from each of {@code points} (for ops not differentiable there: relu and abs at 0, clamp at its bounds).
     */
    public static Arbitrary<Tensor> tensorsAvoiding(Arbitrary<int[]> shapes, double lo, double hi, double margin,
            double... points) {
        return shapes.flatMap(s -> {
            int n = NDArray.zeros(s).numel();
            return Arbitraries.doubles().between(lo, hi).ofScale(3)
                    .filter(v -> Arrays.stream(points).allMatch(p -> Math.abs(v - p) >= margin))
                    .array(double[].class).ofSize(n)
                    .map(v -> new Tensor(NDArray.wrap(v, s)).requiresGrad_(true));
        });
    }
}
