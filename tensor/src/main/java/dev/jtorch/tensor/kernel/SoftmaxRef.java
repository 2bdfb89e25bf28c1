package dev.jtorch.tensor.kernel;

/**
 * Scalar softmax, log-softmax and logsumexp with PyTorch's operation order
 * ({@code aten/src/ATen/native/cpu/SoftMaxKernel.cpp}, {@code ReduceOps.cpp::logsumexp_out_impl}):
 * last-dim softmax multiplies by {@code 1 / sum}, the other dims divide by {@code sum};
 * log-softmax is {@code x - max - log(sum)} in that order. The SIMD kernels use these for tails.
 */
final class SoftmaxRef {
    private SoftmaxRef() {}

    static float logSumExp(float[] x, int off, int stride, int n) {
        float m = (float) ReduceOp.MAX.identity();
        for (int i = 0; i < n; i++) {
            m = ReduceOp.MAX.apply(m, x[off + i * stride]);
        }
        if (Float.isInfinite(m)) {
            m = 0; // all -inf gives log(0) = -inf, a +inf gives log(inf) = inf: no inf - inf
        }
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += SleefMath.exp(x[off + i * stride] - m);
        }
        return SleefMath.log(s) + m;
    }

    static double logSumExp(double[] x, int off, int stride, int n) {
        double m = ReduceOp.MAX.identity();
        for (int i = 0; i < n; i++) {
            m = ReduceOp.MAX.apply(m, x[off + i * stride]);
        }
        if (Double.isInfinite(m)) {
            m = 0;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += SleefMath.exp(x[off + i * stride] - m);
        }
        return SleefMath.log(s) + m;
    }

    static void softmaxRow(float[] x, int xo, float[] out, int oo, int n, boolean log) {
        float m = (float) ReduceOp.MAX.identity();
        for (int i = 0; i < n; i++) {
            m = ReduceOp.MAX.apply(m, x[xo + i]);
        }
        finishRow(x, xo, out, oo, n, m, log);
    }

    /** Everything after the max: the SIMD kernels call this for rows shorter than a vector. */
    static void finishRow(float[] x, int xo, float[] out, int oo, int n, float m, boolean log) {
        float s = 0;
        if (log) {
            for (int i = 0; i < n; i++) {
                s += SleefMath.exp(x[xo + i] - m);
            }
            float ls = SleefMath.log(s);
            for (int i = 0; i < n; i++) {
                out[oo + i] = x[xo + i] - m - ls;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float e = SleefMath.exp(x[xo + i] - m);
                out[oo + i] = e;
                s += e;
            }
            float r = 1 / s;
            for (int i = 0; i < n; i++) {
                out[oo + i] *= r;
            }
        }
    }

    static void softmaxRow(double[] x, int xo, double[] out, int oo, int n, boolean log) {
        double m = ReduceOp.MAX.identity();
        for (int i = 0; i < n; i++) {
            m = ReduceOp.MAX.apply(m, x[xo + i]);
        }
        finishRow(x, xo, out, oo, n, m, log);
    }

    static void finishRow(double[] x, int xo, double[] out, int oo, int n, double m, boolean log) {
        double s = 0;
        if (log) {
            for (int i = 0; i < n; i++) {
                s += SleefMath.exp(x[xo + i] - m);
            }
            double ls = SleefMath.log(s);
            for (int i = 0; i < n; i++) {
                out[oo + i] = x[xo + i] - m - ls;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double e = SleefMath.exp(x[xo + i] - m);
                out[oo + i] = e;
                s += e;
            }
            double r = 1 / s;
            for (int i = 0; i < n; i++) {
                out[oo + i] *= r;
            }
        }
    }

    /** One column of a softmax over an outer dim: {@code n} elements {@code stride} apart. */
    static void softmaxColumn(float[] x, int xo, float[] out, int oo, int n, int stride, boolean log) {
        float m = (float) ReduceOp.MAX.identity();
        for (int i = 0; i < n; i++) {
            m = ReduceOp.MAX.apply(m, x[xo + i * stride]);
        }
        float s = 0;
        if (log) {
            for (int i = 0; i < n; i++) {
                s += SleefMath.exp(x[xo + i * stride] - m);
            }
            float ls = SleefMath.log(s);
            for (int i = 0; i < n; i++) {
                out[oo + i * stride] = x[xo + i * stride] - m - ls;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float e = SleefMath.exp(x[xo + i * stride] - m);
                out[oo + i * stride] = e;
                s += e;
            }
            for (int i = 0; i < n; i++) {
                out[oo + i * stride] /= s;
            }
        }
    }

    static void softmaxColumn(double[] x, int xo, double[] out, int oo, int n, int stride, boolean log) {
        double m = ReduceOp.MAX.identity();
        for (int i = 0; i < n; i++) {
            m = ReduceOp.MAX.apply(m, x[xo + i * stride]);
        }
        double s = 0;
        if (log) {
            for (int i = 0; i < n; i++) {
                s += SleefMath.exp(x[xo + i * stride] - m);
            }
            double ls = SleefMath.log(s);
            for (int i = 0; i < n; i++) {
                out[oo + i * stride] = x[xo + i * stride] - m - ls;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double e = SleefMath.exp(x[xo + i * stride] - m);
                out[oo + i * stride] = e;
                s += e;
            }
            for (int i = 0; i < n; i++) {
                out[oo + i * stride] /= s;
            }
        }
    }
}
