package dev.jtorch.testing;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Inputs for the gradient properties: float64 leaves from {@link TensorArbitraries}, and helpers for layouts and indices. */
final class Leaves {
    private Leaves() {}

    /** One float64 leaf (requires grad, values in [-2, 2]) per shape. */
    static Arbitrary<Tensor[]> of(int[]... shapes) {
        List<Arbitrary<Tensor>> arbs = new ArrayList<>();
        for (int[] s : shapes) {
            arbs.add(TensorArbitraries.tensors(s, DType.FLOAT64, -2, 2));
        }
        return Combinators.combine(arbs).as(l -> l.toArray(new Tensor[0]));
    }

    /** The same leaf values with the last two dims stored transposed (a non-contiguous leaf). */
    static Tensor transposedLayout(Tensor t) {
        if (t.dim() < 2) {
            return t;
        }
        NDArray a = t.array().transpose(-2, -1).contiguous().transpose(-2, -1);
        return new Tensor(a).requiresGrad_(t.requiresGrad());
    }

    /** Random parameters (dims, indices, ...) drawn first, then one float64 leaf per shape they ask for. */
    static final class Case<S> {
        final S spec;
        final Tensor[] in;

        Case(S spec, Tensor[] in) {
            this.spec = spec;
            this.in = in;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.valueOf(spec));
            for (Tensor t : in) {
                sb.append(' ').append(java.util.Arrays.toString(t.sizes()));
            }
            return sb.toString();
        }
    }

    static <S> Arbitrary<Case<S>> cases(java.util.function.Function<Random, S> spec,
            java.util.function.Function<S, int[][]> shapes) {
        return Arbitraries.randomValue(spec::apply).flatMap(s -> of(shapes.apply(s)).map(t -> new Case<>(s, t)));
    }

    /** A copy that does not require grad (GradCheck then skips it). */
    static Tensor constant(Tensor t) {
        return new Tensor(t.array().clone());
    }

    /** An int64 tensor of {@code shape} with values in {@code [lo, hi)}. */
    static Tensor index(Random rnd, int[] shape, long lo, long hi) {
        int n = NDArray.zeros(shape).numel();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (long) (rnd.nextDouble() * (hi - lo));
        }
        return new Tensor(NDArray.wrap(v, shape));
    }

    /** A random shape of rank {@code minRank..maxRank} with sizes 1..maxSize. */
    static int[] shape(Random rnd, int minRank, int maxRank, int maxSize) {
        int[] s = new int[minRank + rnd.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + rnd.nextInt(maxSize);
        }
        return s;
    }
}
