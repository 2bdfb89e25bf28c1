package dev.jtorch.tensor.kernel;

/**
 * The scalar reference for {@link GemmKernels}: the textbook triple loop, ordered
 * {@code i, p, j} so that a row-major {@code B} is read along its rows. Each output row is
 * accumulated in a scratch row ({@code sum_p A[i,p] * B[p,j]} in increasing {@code p}), then
 * combined as {@code alpha * sum + beta * C}.
 */
public class ScalarGemm implements GemmKernels {

    @Override
    public void sgemm(int m, int n, int k, float alpha, float[] a, int aOff, int aRs, int aCs,
                      float[] b, int bOff, int bRs, int bCs, float beta, float[] c, int cOff, int ldc) {
        float[] row = new float[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * aRs + p * aCs];
                int bp = bOff + p * bRs;
                for (int j = 0; j < n; j++) {
                    row[j] += aip * b[bp + j * bCs];
                }
            }
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0 ? alpha * row[j] : alpha * row[j] + beta * c[ci + j];
            }
        }
    }

    @Override
    public void dgemm(int m, int n, int k, double alpha, double[] a, int aOff, int aRs, int aCs,
                      double[] b, int bOff, int bRs, int bCs, double beta, double[] c, int cOff, int ldc) {
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0d);
            for (int p = 0; p < k; p++) {
                double aip = a[aOff + i * aRs + p * aCs];
                int bp = bOff + p * bRs;
                for (int j = 0; j < n; j++) {
                    row[j] += aip * b[bp + j * bCs];
                }
            }
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0 ? alpha * row[j] : alpha * row[j] + beta * c[ci + j];
            }
        }
    }

    @Override
    public void lgemm(int m, int n, int k, long alpha, long[] a, int aOff, int aRs, int aCs,
                      long[] b, int bOff, int bRs, int bCs, long beta, long[] c, int cOff, int ldc) {
        long[] row = new long[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0L);
            for (int p = 0; p < k; p++) {
                long aip = a[aOff + i * aRs + p * aCs];
                int bp = bOff + p * bRs;
                for (int j = 0; j < n; j++) {
                    row[j] += aip * b[bp + j * bCs];
                }
            }
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0 ? alpha * row[j] : alpha * row[j] + beta * c[ci + j];
            }
        }
    }
}
