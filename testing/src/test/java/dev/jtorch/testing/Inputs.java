package dev.jtorch.testing;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Float64 inputs for the gradient properties: small shapes (a gradcheck costs two forwards per
 * element and one backward per output element), values away from the points where an op is
 * not differentiable. Everything shrinks toward rank 0 and values near zero.
 */
final class Inputs {
    private Inputs() {}

    /** Shapes of rank 0..2, sizes 1..3: at most 9 elements. */
    static Arbitrary<int[]> small() {
        return TensorArbitraries.shapes(2, 3);
    }

    /** Shapes of rank 1..3, sizes 1..3 (reductions want dims to reduce). */
    static Arbitrary<int[]> ranked() {
        return TensorArbitraries.shapes(1, 3, 1, 3);
    }

    /** A leaf of a small shape with values in [lo, hi]. */
    static Arbitrary<Tensor> x(double lo, double hi) {
        return TensorArbitraries.tensors(small(), lo, hi);
    }

    /** A leaf of a small shape with values in [lo, hi], each at least {@code margin} from every point. */
    static Arbitrary<Tensor> away(double lo, double hi, double margin, double... points) {
        return TensorArbitraries.tensorsAvoiding(small(), lo, hi, margin, points);
    }

    /** Leaves of {@code shape} whose values are pairwise distinct (no ties for max, min, amax, sort). */
    static Arbitrary<Tensor> distinct(int[] shape, double lo, double hi) {
        int n = NDArray.zeros(shape).numel();
        return Arbitraries.doubles().between(lo, hi).ofScale(3).array(double[].class).ofSize(n).uniqueElements()
                .map(v -> new Tensor(NDArray.wrap(v, shape)).requiresGrad_(true));
    }

    /** Two leaves whose shapes broadcast together, values in [lo, hi]. */
    static Arbitrary<Tensor[]> pair(double lo, double hi) {
        return TensorArbitraries.broadcastPairs(2, 3).flatMap(s -> Combinators.combine(
                TensorArbitraries.tensors(s[0], DType.FLOAT64, lo, hi),
                TensorArbitraries.tensors(s[1], DType.FLOAT64, lo, hi)).as((a, b) -> new Tensor[] {a, b}));
    }

    /** Two leaves whose shapes broadcast together, values in [lo1, hi1] and [lo2, hi2]. */
    static Arbitrary<Tensor[]> pair(double lo1, double hi1, double lo2, double hi2) {
        return TensorArbitraries.broadcastPairs(2, 3).flatMap(s -> Combinators.combine(
                TensorArbitraries.tensors(s[0], DType.FLOAT64, lo1, hi1),
                TensorArbitraries.tensors(s[1], DType.FLOAT64, lo2, hi2)).as((a, b) -> new Tensor[] {a, b}));
    }

    /** Three leaves: the first and third of one shape, the second of a shape broadcasting with it. */
    static Arbitrary<Tensor[]> triple(double lo, double hi, double thirdLo, double thirdHi) {
        return TensorArbitraries.broadcastPairs(2, 3).flatMap(s -> Combinators.combine(
                TensorArbitraries.tensors(s[0], DType.FLOAT64, lo, hi),
                TensorArbitraries.tensors(s[1], DType.FLOAT64, lo, hi),
                TensorArbitraries.tensors(s[0], DType.FLOAT64, thirdLo, thirdHi)).as((a, b, c) -> new Tensor[] {a, b, c}));
    }

    /** Leaves of one small shape, values in [lo, hi]. */
    static Arbitrary<Tensor[]> same(int count, double lo, double hi) {
        return small().flatMap(s -> TensorArbitraries.tensors(s, DType.FLOAT64, lo, hi).list().ofSize(count)
                .map(l -> l.toArray(new Tensor[0])));
    }

    /** A leaf and a second leaf whose shape broadcasts to the first's (for in-place ops: {@code self.op_(other)}). */
    static Arbitrary<Tensor[]> selfAndOther(double lo, double hi, double otherLo, double otherHi) {
        return small().flatMap(s -> Arbitraries.integers().between(0, s.length).flatMap(drop -> {
            int[] o = Arrays.copyOfRange(s, drop, s.length);
            return Combinators.combine(TensorArbitraries.tensors(s, DType.FLOAT64, lo, hi),
                    TensorArbitraries.tensors(o, DType.FLOAT64, otherLo, otherHi)).as((a, b) -> new Tensor[] {a, b});
        }));
    }

    /** A bool tensor of {@code shape}. */
    static Arbitrary<Tensor> mask(int[] shape) {
        int n = NDArray.zeros(shape).numel();
        return Arbitraries.bytes().between((byte) 0, (byte) 1).array(byte[].class).ofSize(n)
                .map(b -> new Tensor(NDArray.wrapBool(b, shape)));
    }

    /** True when some pair of broadcast elements of a and b is closer than {@code margin}. */
    static boolean close(Tensor a, Tensor b, double margin) {
        return a.detach().sub(b.detach()).abs().lt(margin).any().item() != 0;
    }
}
