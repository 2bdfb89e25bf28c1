package dev.jtorch.tensor.kernel;

/** Vector API {@link ReductionKernels}: multi-accumulator loops on contiguous rows. */
final class VectorReduction extends ScalarReduction {
    static ReductionKernels create() {
        return new VectorReduction();
    }
}
