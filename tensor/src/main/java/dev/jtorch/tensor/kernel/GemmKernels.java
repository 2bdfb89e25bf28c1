package dev.jtorch.tensor.kernel;

/**
 * General matrix multiply {@code C = alpha * op(A) op(B) + beta * C} on strided float32/float64
 * operands. Scalar reference: {@link ScalarGemm}; SIMD: {@code VectorGemm} (packed panels,
 * register-blocked micro-kernel).
 */
public interface GemmKernels {
}
