package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Torch;
import dev.jtorch.nn.Bilinear;
import dev.jtorch.nn.init.Init;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.kernel.Erf;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BilinearImpl;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Initialisers against libtorch after the same seed: {@code Bilinear}'s default init and
 * {@code trunc_normal_} bit for bit; {@code orthogonal_} and {@code linalg.qr} to rounding
 * (Householder QR in double here, LAPACK's float32 {@code sgeqrf} there: rtol 1e-4, atol 2e-6 on
 * entries of size about 1/sqrt(n)). libtorch's C++ API has no {@code trunc_normal_}; its oracle is
 * Python's {@code _no_grad_trunc_normal_} replayed with libtorch's in-place ops.
 */
class NnInitConformanceTest {

    @Test
    void bilinearDefaultInitIsBitExact() {
        Oracle.require();
        int[][] dims = {{3, 4, 5}, {1, 1, 1}, {20, 7, 3}, {2, 64, 10}};
        long seed = 0;
        for (int[] d : dims) {
            try (PointerScope scope = new PointerScope()) {
                seed += 5;
                Torch.manualSeed(seed);
                torch.manual_seed(seed);
                Bilinear j = new Bilinear(d[0], d[1], d[2]);
                BilinearImpl t = new BilinearImpl(d[0], d[1], d[2]);
                Oracle.assertExact(Oracle.fromTorch(t.weight()), j.weight().array(), "Bilinear" + Arrays.toString(d) + " weight");
                Oracle.assertExact(Oracle.fromTorch(t.bias()), j.bias().array(), "Bilinear" + Arrays.toString(d) + " bias");
            }
        }
    }

    @Test
    void truncNormalIsBitExact() {
        Oracle.require();
        double[][] params = {{0, 1, -2, 2}, {0, 0.02, -0.04, 0.04}, {0.5, 2, -1, 3}, {-1, 0.5, -3, 0}, {0, 1, -0.5, 0.5}};
        int[][] shapes = {{3, 4}, {100}, {17, 5}, {64, 64}, {1}};
        long seed = 100;
        for (double[] p : params) {
            for (int[] s : shapes) {
                try (PointerScope scope = new PointerScope()) {
                    seed++;
                    Torch.manualSeed(seed);
                    dev.jtorch.Tensor j = Init.truncNormal_(Torch.empty(s), p[0], p[1], p[2], p[3]);
                    Tensor t = torchTruncNormal(seed, s, p);
                    Oracle.assertExact(Oracle.fromTorch(t), j.array(), "trunc_normal_" + Arrays.toString(p) + " " + Arrays.toString(s));
                }
            }
        }
    }

    /**
     * erfinv on 4*10^5 uniform draws in (-1, 1): {@code trunc_normal_(mean 0, std 1/sqrt(2), a -inf, b inf)}
     * is {@code erfinv_(uniform_(-1, 1))} (then times 1.0f). float32: bit-identical (the port uses
     * glibc's erff, expf and logf). float64: within 32 ulps (observed: 26,170 of 4*10^5 differ, by at most
     * 15 ulps), because the port calls Java's exp/log and fdlibm's erf where libtorch calls glibc's
     * double exp, log and erf, and the two Newton steps amplify their last-ulp differences.
     */
    @Test
    void erfinvMatchesLibtorchOnUniformDraws() {
        Oracle.require();
        double[] p = {0, 1 / Math.sqrt(2.0), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        int n = 400_000;
        try (PointerScope scope = new PointerScope()) {
            Torch.manualSeed(7);
            NDArray a = Init.truncNormal_(Torch.empty(n), p[0], p[1], p[2], p[3]).array();
            Oracle.assertExact(Oracle.fromTorch(torchTruncNormal(7, NDArray.empty(DType.FLOAT32, n), p)), a, "float32 erfinv");
            Torch.manualSeed(8);
            double[] ad = Init.truncNormal_(new dev.jtorch.Tensor(NDArray.empty(DType.FLOAT64, n)), p[0], p[1], p[2], p[3])
                    .array().toDoubleArray();
            double[] ed = Oracle.fromTorch(torchTruncNormal(8, NDArray.empty(DType.FLOAT64, n), p)).toDoubleArray();
            int differ = 0;
            long maxUlps = 0;
            for (int i = 0; i < n; i++) {
                long d = Math.abs(Double.doubleToLongBits(ad[i]) - Double.doubleToLongBits(ed[i]));
                differ += d != 0 ? 1 : 0;
                maxUlps = Math.max(maxUlps, d);
            }
            System.out.println("float64 erfinv: " + differ + " of " + n + " differ, by at most " + maxUlps + " ulps");
            assertTrue(maxUlps <= 32, "float64 erfinv differs from libtorch's by " + maxUlps + " ulps");
        }
    }

    @Test
    void orthogonalMatchesLibtorchToRounding() {
        Oracle.require();
        int[][] shapes = {{3, 5}, {5, 3}, {4, 4}, {6, 2, 3}, {64, 32}, {20, 50}, {1, 7}};
        long seed = 300;
        for (int[] s : shapes) {
            for (double gain : new double[] {1.0, 2.5}) {
                try (PointerScope scope = new PointerScope()) {
                    seed++;
                    Torch.manualSeed(seed);
                    dev.jtorch.Tensor j = Init.orthogonal_(Torch.empty(s), gain);
                    torch.manual_seed(seed);
                    Tensor t = torch.orthogonal_(torch.empty(longs(s)), gain);
                    Oracle.assertClose(Oracle.fromTorch(t), j.array(), 1e-4, 2e-6 * gain,
                            "orthogonal_ " + Arrays.toString(s) + " gain=" + gain);
                }
            }
        }
    }

    @Test
    void linalgQrMatchesLapackAfterSignNormalisation() {
        Oracle.require();
        Random rnd = new Random(4);
        int[][] shapes = {{4, 4}, {6, 3}, {3, 6}, {2, 5, 4}, {1, 1}, {40, 30}};
        for (int[] s : shapes) {
            for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                for (String mode : new String[] {"reduced", "complete"}) {
                    try (PointerScope scope = new PointerScope()) {
                        GradCase c = new GradCase(rnd);
                        NDArray a = c.values(dt, s);
                        T_TensorTensor_T qr = torch.linalg_qr(Oracle.toTorch(a), mode);
                        NDArray[] j = a.linalgQr(mode);
                        NDArray tq = Oracle.fromTorch(qr.get0());
                        NDArray tr = Oracle.fromTorch(qr.get1());
                        // Q *= sign(diag(R)) per column, R *= sign(diag(R)) per row: unique for full-rank A
                        int k = Math.min(s[s.length - 2], s[s.length - 1]);
                        double tol = dt == DType.FLOAT32 ? 1e-4 : 1e-10;
                        String what = "linalg.qr " + mode + " " + dt + " " + Arrays.toString(s);
                        Oracle.assertClose(normalise(tq, tr, k, true), normalise(j[0], j[1], k, true), tol, tol / 10, what + " Q");
                        Oracle.assertClose(normalise(tr, tr, k, false), normalise(j[1], j[1], k, false), tol, tol / 10, what + " R");
                    }
                }
            }
        }
    }

    /** Q's first k columns times sign(diag(R)), or R's first k rows times sign(diag(R)). */
    private static NDArray normalise(NDArray m, NDArray r, int k, boolean columns) {
        NDArray sign = r.diagonal(0, -2, -1).sign();
        if (columns) {
            NDArray q = m.narrow(m.dim() - 1, 0, k);
            return q.mul(sign.unsqueeze(sign.dim() - 1)); // [*, 1, k]: column c times sign c
        }
        NDArray rr = m.narrow(m.dim() - 2, 0, k);
        return rr.mul(sign.unsqueeze(sign.dim())); // [*, k, 1]: row r times sign r
    }

    /** Python's {@code _no_grad_trunc_normal_} with libtorch's in-place ops after {@code manual_seed(seed)}. */
    private static Tensor torchTruncNormal(long seed, int[] s, double[] p) {
        return torchTruncNormal(seed, NDArray.empty(DType.FLOAT32, s), p);
    }

    private static Tensor torchTruncNormal(long seed, NDArray like, double[] p) {
        torch.manual_seed(seed);
        Tensor t = Oracle.toTorch(like);
        double l = normCdf((p[2] - p[0]) / p[1]);
        double u = normCdf((p[3] - p[0]) / p[1]);
        t.uniform_(2 * l - 1, 2 * u - 1, new GeneratorOptional());
        t.erfinv_();
        t.mul_(new Scalar(p[1] * Math.sqrt(2.0)));
        t.add_(new Scalar(p[0]));
        t.clamp_(new ScalarOptional(new Scalar(p[2])), new ScalarOptional(new Scalar(p[3])));
        return t;
    }

    private static double normCdf(double x) {
        return (1.0 + Erf.erf(x / Math.sqrt(2.0))) / 2.0;
    }

    private static long[] longs(int[] v) {
        return IndexingInputs.longs(v);
    }
}
