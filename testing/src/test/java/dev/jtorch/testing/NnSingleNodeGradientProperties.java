package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.NDArray;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The single-node losses, normalisations, embedding and bilinear (each one {@code Function} with a
 * hand-written backward) against finite differences in float64, first and (where the function is
 * smooth) second derivatives, with respect to every differentiable input.
 */
class NnSingleNodeGradientProperties {

    private static Tensor leaf(Random rnd, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return new Tensor(NDArray.wrap(v, shape)).requiresGrad_(true);
    }

    private static Tensor constant(Random rnd, int... shape) {
        return leaf(rnd, shape).detach();
    }

    @Property(tries = 6)
    void pointwiseLossesOfInputAndTarget(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n) {
        Random rnd = new Random(seed);
        for (F.Reduction r : F.Reduction.values()) {
            assertGradgradcheck(x -> F.mseLoss(x[0], x[1], r), leaf(rnd, n, 2), leaf(rnd, n, 2));
            assertGradgradcheck(x -> F.smoothL1Loss(x[0], x[1], r, 0.5), leaf(rnd, n, 2), leaf(rnd, n, 2));
            assertGradcheck(x -> F.smoothL1Loss(x[0], x[1], r, 0.0), leaf(rnd, n, 2), leaf(rnd, n, 2));
            assertGradgradcheck(x -> F.huberLoss(x[0], x[1], r, 0.7), leaf(rnd, n, 2), leaf(rnd, n, 2));
        }
    }

    @Property(tries = 4)
    void binaryCrossEntropies(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n) {
        Random rnd = new Random(seed);
        Tensor weight = constant(rnd, n, 3).abs();
        Tensor posWeight = constant(rnd, 3).abs();
        for (F.Reduction r : F.Reduction.values()) {
            assertGradgradcheck(x -> F.binaryCrossEntropy(x[0].sigmoid(), x[1].sigmoid(), weight, r),
                    leaf(rnd, n, 3), leaf(rnd, n, 3));
            assertGradgradcheck(x -> F.binaryCrossEntropyWithLogits(x[0], x[1].sigmoid(), weight, r, posWeight),
                    leaf(rnd, n, 3), leaf(rnd, n, 3));
            assertGradcheck(x -> F.binaryCrossEntropyWithLogits(x[0], x[1].sigmoid(), null, r, null),
                    leaf(rnd, n, 3), leaf(rnd, n, 3));
        }
    }

    @Property(tries = 4)
    void normalisations(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int n, @ForAll @IntRange(min = 1, max = 3) int c) {
        Random rnd = new Random(seed);
        assertGradgradcheck(x -> F.layerNorm(x[0], new int[] {2, c}, x[1], x[2], 1e-5), leaf(rnd, n, 2, c), leaf(rnd, 2, c),
                leaf(rnd, 2, c));
        assertGradgradcheck(x -> F.layerNorm(x[0], new int[] {c + 1}, null, null, 1e-5), leaf(rnd, n, c + 1));
        assertGradgradcheck(x -> F.batchNorm(x[0], null, null, x[1], x[2], true, 0.1, 1e-5), leaf(rnd, n, c, 2),
                leaf(rnd, c), leaf(rnd, c));
        Tensor rm = constant(rnd, c);
        Tensor rv = constant(rnd, c).abs().add(0.5);
        assertGradgradcheck(x -> F.batchNorm(x[0], rm, rv, x[1], x[2], false, 0.1, 1e-5), leaf(rnd, n, c), leaf(rnd, c),
                leaf(rnd, c));
        assertGradgradcheck(x -> F.groupNorm(x[0], 2, x[1], x[2], 1e-5), leaf(rnd, n, 2 * c, 3), leaf(rnd, 2 * c),
                leaf(rnd, 2 * c));
    }

    @Property(tries = 6)
    void embeddingAndBilinear(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n) {
        Random rnd = new Random(seed);
        long[] idx = new long[2 * n];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rnd.nextInt(3);
        }
        Tensor indices = new Tensor(NDArray.wrap(idx, 2, n));
        // padding_idx rows get no gradient by design (not the derivative), so the padding row is unused here
        assertGradgradcheck(x -> F.embedding(indices, x[0], 3), leaf(rnd, 4, 3));
        assertGradgradcheck(x -> F.embedding(indices, x[0], null), leaf(rnd, 4, 3));
        assertGradgradcheck(x -> F.bilinear(x[0], x[1], x[2], x[3]), leaf(rnd, n, 2), leaf(rnd, n, 3), leaf(rnd, 2, 2, 3),
                leaf(rnd, 2));
        assertGradgradcheck(x -> F.bilinear(x[0], x[1], x[2], null), leaf(rnd, 2, n, 3), leaf(rnd, 2, n, 1),
                leaf(rnd, 4, 3, 1));
    }

    @Property(tries = 3)
    void probabilityCrossEntropyMean(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n) {
        Random rnd = new Random(seed);
        Tensor probs = constant(rnd, n, 3).softmax(1);
        assertGradgradcheck(x -> F.crossEntropy(x[0], probs, null, -100, F.Reduction.MEAN, 0.1), leaf(rnd, n, 3));
    }
}
