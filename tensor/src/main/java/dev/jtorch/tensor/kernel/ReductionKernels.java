package dev.jtorch.tensor.kernel;

/**
 * Reductions over one strided row (sum, max, ...), and the fused row kernels built on them
 * (softmax, log-softmax, logsumexp). Scalar reference: {@link ScalarReduction}; SIMD: {@code VectorReduction}.
 */
public interface ReductionKernels {
}
