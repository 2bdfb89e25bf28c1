package dev.jtorch.tensor;

import java.util.Arrays;

/**
 * {@code torch.linalg.qr(A, mode)} by Householder reflections (the method of LAPACK's
 * {@code geqrf}/{@code orgqr}, with its sign convention {@code R[j, j] = -sign(A[j, j]) ||A[j:, j]||}),
 * accumulated in double and rounded to the input's dtype. Values agree with LAPACK to rounding, not
 * bit for bit; they are identical after PyTorch's usual normalisation {@code Q *= sign(diag(R))}.
 * Batched over leading dims.
 */
final class Qr {
    private Qr() {}

    /** {@code {Q, R}}; mode "reduced" (Q [*, m, k], R [*, k, n]), "complete" (Q [*, m, m], R [*, m, n]) or "r" (empty Q). */
    static NDArray[] qr(NDArray a, String mode) {
        if (!mode.equals("reduced") && !mode.equals("complete") && !mode.equals("r")) {
            throw new IllegalArgumentException("qr received unrecognized mode '" + mode
                    + "' but expected one of 'reduced' (default), 'r', or 'complete'");
        }
        if (a.dim() < 2) {
            throw new IllegalArgumentException("linalg.qr: The input tensor A must have at least 2 dimensions.");
        }
        if (!a.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.qr: Expected a floating point or complex tensor as input. Got "
                    + a.dtype().scalarTypeName());
        }
        int d = a.dim();
        int m = a.size(d - 2);
        int n = a.size(d - 1);
        int k = Math.min(m, n);
        int qCols = mode.equals("complete") ? m : k;
        int rRows = mode.equals("complete") ? m : k;
        int[] batch = Arrays.copyOf(a.sizes(), d - 2);
        int nb = 1;
        for (int b : batch) {
            nb *= b;
        }
        double[] in = a.contiguous().to(DType.FLOAT64).toDoubleArray();
        double[] q = new double[nb * m * qCols];
        double[] r = new double[nb * rRows * n];
        for (int b = 0; b < nb; b++) {
            factor(in, b * m * n, m, n, q, b * m * qCols, qCols, r, b * rRows * n, rRows);
        }
        int[] qShape = Arrays.copyOf(batch, d);
        qShape[d - 2] = mode.equals("r") ? 0 : m;
        qShape[d - 1] = mode.equals("r") ? 0 : qCols;
        int[] rShape = Arrays.copyOf(batch, d);
        rShape[d - 2] = rRows;
        rShape[d - 1] = n;
        NDArray qa = mode.equals("r") ? NDArray.empty(a.dtype(), qShape) : NDArray.wrap(q, qShape).to(a.dtype());
        return new NDArray[] {qa, NDArray.wrap(r, rShape).to(a.dtype())};
    }

    /** Factors the m x n matrix at {@code in[off..]} (row-major) into Q (m x qCols) and R (rRows x n). */
    private static void factor(double[] in, int off, int m, int n, double[] q, int qOff, int qCols, double[] r, int rOff,
            int rRows) {
        double[][] w = new double[m][n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(in, off + i * n, w[i], 0, n);
        }
        int k = Math.min(m, n);
        double[][] vs = new double[k][];
        double[] vnorm2 = new double[k];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = j; i < m; i++) {
                norm = Math.hypot(norm, w[i][j]);
            }
            if (norm == 0) {
                continue; // H_j = I
            }
            double alpha = w[j][j] >= 0 ? -norm : norm;
            double[] v = new double[m - j];
            for (int i = j; i < m; i++) {
                v[i - j] = w[i][j];
            }
            v[0] -= alpha;
            double vv = 0;
            for (double x : v) {
                vv += x * x;
            }
            if (vv == 0) {
                continue;
            }
            vs[j] = v;
            vnorm2[j] = vv;
            for (int c = j; c < n; c++) {
                double s = 0;
                for (int i = j; i < m; i++) {
                    s += v[i - j] * w[i][c];
                }
                double f = 2 * s / vv;
                for (int i = j; i < m; i++) {
                    w[i][c] -= f * v[i - j];
                }
            }
            w[j][j] = alpha;
            for (int i = j + 1; i < m; i++) {
                w[i][j] = 0;
            }
        }
        for (int i = 0; i < rRows; i++) {
            for (int c = 0; c < n; c++) {
                r[rOff + i * n + c] = i < m && c >= i ? w[i][c] : 0;
            }
        }
        // Q = H_0 H_1 ... H_{k-1} applied to the first qCols columns of the identity
        double[][] qm = new double[m][qCols];
        for (int i = 0; i < Math.min(m, qCols); i++) {
            qm[i][i] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            double[] v = vs[j];
            if (v == null) {
                continue;
            }
            for (int c = 0; c < qCols; c++) {
                double s = 0;
                for (int i = j; i < m; i++) {
                    s += v[i - j] * qm[i][c];
                }
                double f = 2 * s / vnorm2[j];
                for (int i = j; i < m; i++) {
                    qm[i][c] -= f * v[i - j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            System.arraycopy(qm[i], 0, q, qOff + i * qCols, qCols);
        }
    }
}
