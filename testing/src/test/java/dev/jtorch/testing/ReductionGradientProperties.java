package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * First and second derivatives of the reductions against finite differences, over random
 * ranks 1..3, random sets of dims (negative ones too) and keepdim both ways. max/min/amax/amin
 * get pairwise-distinct values (at a tie the gradient is split, which finite differences do not see).
 */
class ReductionGradientProperties {
    /** An input with the dims to reduce; prints readably when jqwik reports a shrunk sample. */
    record Case(Tensor x, int[] dims, boolean keepdim) {
        int dim() {
            return dims[0];
        }

        @Override
        public String toString() {
            return "dims=" + Arrays.toString(dims) + " keepdim=" + keepdim + " x=" + x.detach();
        }
    }

    @Property(tries = 30)
    void sum(@ForAll("cases") Case c) {
        assertGradgradcheck(t -> t[0].sum(), c.x());
        assertGradgradcheck(t -> t[0].sum(c.dims(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void mean(@ForAll("cases") Case c) {
        assertGradgradcheck(t -> t[0].mean(), c.x());
        assertGradgradcheck(t -> t[0].mean(c.dims(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void prod(@ForAll("nonzeroCases") Case c) {
        assertGradgradcheck(t -> t[0].prod(), c.x());
        assertGradgradcheck(t -> t[0].prod(c.dim(), c.keepdim()), c.x());
    }

    /** Exact zeros take PyTorch's division-free path (and its differentiable variant at second order). */
    @Property(tries = 30)
    void prodWithZeros(@ForAll("zerosCases") Case c) {
        assertGradgradcheck(t -> t[0].prod(), c.x());
        assertGradgradcheck(t -> t[0].prod(c.dim(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void maxAndMin(@ForAll("distinctCases") Case c) {
        assertGradgradcheck(t -> t[0].max(), c.x());
        assertGradgradcheck(t -> t[0].min(), c.x());
        assertGradgradcheck(t -> t[0].max(c.dim(), c.keepdim()).values(), c.x());
        assertGradgradcheck(t -> t[0].min(c.dim(), c.keepdim()).values(), c.x());
    }

    @Property(tries = 30)
    void amaxAndAmin(@ForAll("distinctCases") Case c) {
        assertGradgradcheck(t -> t[0].amax(c.dims(), c.keepdim()), c.x());
        assertGradgradcheck(t -> t[0].amin(c.dims(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void varAndStd(@ForAll("distinctCases") Case c) {
        int n = 1;
        for (int d : c.dims()) {
            n *= c.x().size(d);
        }
        Assume.that(n >= 2);
        assertGradgradcheck(t -> t[0].var(), c.x());
        assertGradgradcheck(t -> t[0].std(false), c.x());
        assertGradgradcheck(t -> t[0].var(c.dims(), 1, c.keepdim()), c.x());
        assertGradgradcheck(t -> t[0].std(c.dims(), 0, c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void logsumexp(@ForAll("cases") Case c) {
        assertGradgradcheck(t -> t[0].logsumexp(c.dims(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void smoothNorms(@ForAll("nonzeroCases") Case c) {
        assertGradgradcheck(t -> t[0].norm(), c.x());
        assertGradgradcheck(t -> t[0].norm(3, c.dims(), c.keepdim()), c.x());
        assertGradgradcheck(t -> t[0].norm(1.5, c.dims(), c.keepdim()), c.x());
        assertGradgradcheck(t -> t[0].norm(0.5, c.dims(), c.keepdim()), c.x());
        assertGradcheck(t -> t[0].norm(1, c.dims(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void infinityNorms(@ForAll("distinctAbsCases") Case c) {
        assertGradgradcheck(t -> t[0].norm(Double.POSITIVE_INFINITY, c.dims(), c.keepdim()), c.x());
        assertGradgradcheck(t -> t[0].norm(Double.NEGATIVE_INFINITY, c.dims(), c.keepdim()), c.x());
    }

    @Property(tries = 30)
    void cumsum(@ForAll("cases") Case c) {
        assertGradgradcheck(t -> t[0].cumsum(c.dim()), c.x());
    }

    @Property(tries = 30)
    void cumprod(@ForAll("nonzeroCases") Case c) {
        assertGradgradcheck(t -> t[0].cumprod(c.dim()), c.x());
    }

    @Property(tries = 30)
    void cumprodWithZeros(@ForAll("zerosCases") Case c) {
        assertGradgradcheck(t -> t[0].cumprod(c.dim()), c.x());
    }

    @Property(tries = 30)
    void softmaxAndLogSoftmax(@ForAll("cases") Case c) {
        assertGradgradcheck(t -> t[0].softmax(c.dim()), c.x());
        assertGradgradcheck(t -> t[0].logSoftmax(c.dim()), c.x());
    }

    @Provide
    Arbitrary<Case> cases() {
        return cases(s -> TensorArbitraries.tensors(s, DType.FLOAT64, -2, 2));
    }

    @Provide
    Arbitrary<Case> nonzeroCases() {
        return cases(s -> TensorArbitraries.tensorsAvoiding(Arbitraries.just(s), -2, 2, 0.2, 0));
    }

    @Provide
    Arbitrary<Case> zerosCases() {
        return cases(s -> Arbitraries.of(0.0, 0.0, 0.5, -1.5, 2.0, 1.25).array(double[].class)
                .ofSize(NDArray.zeros(s).numel()).map(v -> new Tensor(NDArray.wrap(v, s)).requiresGrad_(true)));
    }

    @Provide
    Arbitrary<Case> distinctCases() {
        return cases(s -> Inputs.distinct(s, -2, 2));
    }

    @Provide
    Arbitrary<Case> distinctAbsCases() {
        return cases(s -> Inputs.distinct(s, 0.1, 2).flatMap(x -> Arbitraries.longs().map(bits -> flipSigns(x, bits))));
    }

    private static Tensor flipSigns(Tensor x, long bits) {
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = (bits >> (i % 64) & 1) != 0 ? -v[i] : v[i];
        }
        return new Tensor(NDArray.wrap(v, x.sizes())).requiresGrad_(true);
    }

    /** Inputs of rank 1..3 with a non-empty random set of dims, each written negative or not, and keepdim. */
    private static Arbitrary<Case> cases(java.util.function.Function<int[], Arbitrary<Tensor>> values) {
        return Inputs.ranked().flatMap(shape -> Combinators.combine(values.apply(shape),
                Arbitraries.integers().between(1, (1 << shape.length) - 1),
                Arbitraries.integers().between(0, (1 << shape.length) - 1),
                Arbitraries.of(false, true)).as((x, bits, negative, keepdim) -> {
                    int[] dims = new int[Integer.bitCount(bits)];
                    int k = 0;
                    for (int d = 0; d < shape.length; d++) {
                        if ((bits >> d & 1) != 0) {
                            dims[k++] = (negative >> d & 1) != 0 ? d - shape.length : d;
                        }
                    }
                    return new Case(x, dims, keepdim);
                }));
    }
}
