package dev.jtorch.tensor.kernel;

/**
 * General matrix multiply {@code C = alpha * A B + beta * C} on strided operands, the BLAS
 * {@code ?gemm} contract in row-major terms. Scalar reference: {@link ScalarGemm}; SIMD:
 * {@code VectorGemm} (packed panels, register-blocked micro-kernel).
 *
 * <p>{@code A} is {@code m x k}: element {@code (i, p)} is {@code a[aOff + i * aRs + p * aCs]};
 * {@code B} is {@code k x n}: element {@code (p, j)} is {@code b[bOff + p * bRs + j * bCs]}.
 * Transposed or sliced operands are described by their strides (never copied into a transposed
 * array by the caller). {@code C} is {@code m x n} with unit column stride: element {@code (i, j)}
 * is {@code c[cOff + i * ldc + j]}; it must not overlap {@code A} or {@code B}.
 *
 * <p>{@code beta == 0} overwrites {@code C} without reading it, so NaN or garbage in {@code C}
 * does not leak into the result. {@code k == 0} gives {@code beta * C}. Unlike reference BLAS,
 * and like PyTorch, {@code alpha == 0} still computes {@code 0 * (A B)}, so NaN in {@code A} or
 * {@code B} reaches {@code C}.
 */
public interface GemmKernels {

    /** float32 {@code C = alpha * A B + beta * C}; see the interface comment for the operand layout. */
    void sgemm(int m, int n, int k, float alpha,
               float[] a, int aOff, int aRs, int aCs,
               float[] b, int bOff, int bRs, int bCs,
               float beta, float[] c, int cOff, int ldc);

    /** float64 {@code C = alpha * A B + beta * C}. */
    void dgemm(int m, int n, int k, double alpha,
               double[] a, int aOff, int aRs, int aCs,
               double[] b, int bOff, int bRs, int bCs,
               double beta, double[] c, int cOff, int ldc);

    /** int64 {@code C = alpha * A B + beta * C}, exact with two's-complement wrap-around, as PyTorch's CPU path. */
    void lgemm(int m, int n, int k, long alpha,
               long[] a, int aOff, int aRs, int aCs,
               long[] b, int bOff, int bRs, int bCs,
               long beta, long[] c, int cOff, int ldc);
}
