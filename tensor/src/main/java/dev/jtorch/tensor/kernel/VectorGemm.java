package dev.jtorch.tensor.kernel;

/**
 * Vector API {@link GemmKernels}. Each call picks one path:
 * <ul>
 *   <li>empty results return at once;</li>
 *   <li>{@code k == 0} and tiny products (at most {@link GemmPlan#TINY_WORK} multiply-adds) use the scalar loop,
 *       which has no set-up cost;</li>
 *   <li>matrix-vector shapes ({@code n == 1} or {@code m == 1}) go to {@link FloatGemv} /
 *       {@link DoubleGemv} (dot products or axpy, no packing);</li>
 *   <li>everything else to the packed, register-blocked {@link FloatGemm} / {@link DoubleGemm},
 *       parallel on the {@code Parallel} pool when the product is large.</li>
 * </ul>
 * int64 stays on the exact scalar loop of {@link ScalarGemm}.
 */
final class VectorGemm extends ScalarGemm {
    static GemmKernels create() {
        return new VectorGemm();
    }

    @Override
    public void sgemm(int m, int n, int k, float alpha, float[] a, int aOff, int aRs, int aCs,
                      float[] b, int bOff, int bRs, int bCs, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || (long) m * n * k <= GemmPlan.TINY_WORK) {
            super.sgemm(m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, ldc);
            return;
        }
        if (n == 1 && FloatGemv.gemv(m, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, beta, c, cOff, ldc)) {
            return;
        }
        if (m == 1 && FloatGemv.gemv(n, k, alpha, b, bOff, bCs, bRs, a, aOff, aCs, beta, c, cOff, 1)) {
            return;
        }
        FloatGemm.gemm(m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, ldc);
    }

    @Override
    public void dgemm(int m, int n, int k, double alpha, double[] a, int aOff, int aRs, int aCs,
                      double[] b, int bOff, int bRs, int bCs, double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || (long) m * n * k <= GemmPlan.TINY_WORK) {
            super.dgemm(m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, ldc);
            return;
        }
        if (n == 1 && DoubleGemv.gemv(m, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, beta, c, cOff, ldc)) {
            return;
        }
        if (m == 1 && DoubleGemv.gemv(n, k, alpha, b, bOff, bCs, bRs, a, aOff, aCs, beta, c, cOff, 1)) {
            return;
        }
        DoubleGemm.gemm(m, n, k, alpha, a, aOff, aRs, aCs, b, bOff, bRs, bCs, beta, c, cOff, ldc);
    }
}
