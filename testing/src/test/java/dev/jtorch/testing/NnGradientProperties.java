package dev.jtorch.testing;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.NDArray;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Analytical gradients of nn layers and losses match finite differences on float64 inputs. */
class NnGradientProperties {

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

    @Property(tries = 30)
    void layerNorm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 2, max = 5) int d) {
        Random rnd = new Random(seed);
        GradientProperties.assertGradcheck(in -> F.layerNorm(in[0], new int[] {d}, in[1], in[2], 1e-5),
                leaf(rnd, n, d), leaf(rnd, d), leaf(rnd, d));
    }

    @Property(tries = 30)
    void batchNormTraining(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int n, @ForAll @IntRange(min = 1, max = 3) int c) {
        Random rnd = new Random(seed);
        GradientProperties.assertGradcheck(in -> F.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5),
                leaf(rnd, n, c), leaf(rnd, c), leaf(rnd, c));
    }

    @Property(tries = 30)
    void linear(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 1, max = 4) int in,
            @ForAll @IntRange(min = 1, max = 4) int out) {
        Random rnd = new Random(seed);
        GradientProperties.assertGradcheck(x -> F.linear(x[0], x[1], x[2]), leaf(rnd, n, in), leaf(rnd, out, in), leaf(rnd, out));
    }

    @Property(tries = 30)
    void mseLoss(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        Random rnd = new Random(seed);
        for (F.Reduction r : F.Reduction.values()) {
            GradientProperties.assertGradcheck(x -> F.mseLoss(x[0], x[1], r), leaf(rnd, n, 2), leaf(rnd, n, 2));
        }
    }

    @Property(tries = 30)
    void bceWithLogits(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        Random rnd = new Random(seed);
        Tensor target = constant(rnd, n).sigmoid();
        Tensor posWeight = constant(rnd, n).abs();
        GradientProperties.assertGradcheck(x -> F.binaryCrossEntropyWithLogits(x[0], target, null, F.Reduction.MEAN, posWeight),
                leaf(rnd, n));
    }

    @Property(tries = 30)
    void crossEntropy(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n, @ForAll @IntRange(min = 2, max = 5) int c,
            @ForAll @IntRange(min = 0, max = 2) int smoothingTenths) {
        Random rnd = new Random(seed);
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextInt(c);
        }
        Tensor target = new Tensor(NDArray.wrap(t, n));
        Tensor weight = constant(rnd, c).abs().add(0.1);
        double eps = smoothingTenths / 10.0;
        GradientProperties.assertGradcheck(x -> F.crossEntropy(x[0], target, weight, -100, F.Reduction.MEAN, eps),
                leaf(rnd, n, c));
        Tensor probs = constant(rnd, n, c).softmax(1);
        GradientProperties.assertGradcheck(x -> F.crossEntropy(x[0], probs, null, -100, F.Reduction.SUM, eps), leaf(rnd, n, c));
    }

    @Property(tries = 30)
    void smoothL1AndKlDiv(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        Random rnd = new Random(seed);
        Tensor y = constant(rnd, n);
        GradientProperties.assertGradcheck(x -> F.huberLoss(x[0], y, F.Reduction.MEAN, 0.7), leaf(rnd, n));
        Tensor p = constant(rnd, n).softmax(0);
        GradientProperties.assertGradcheck(x -> F.klDiv(x[0].logSoftmax(0), p, "batchmean", false), leaf(rnd, n));
    }
}
