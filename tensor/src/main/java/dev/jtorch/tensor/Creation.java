package dev.jtorch.tensor;

/** Factory functions with PyTorch's numerics: {@code arange}, {@code linspace}, {@code eye}, fills. */
final class Creation {
    private Creation() {}

    static NDArray arange(double start, double end, double step, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        double sizeD = Math.ceil((end - start) / step);
        if (sizeD > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arange of " + sizeD + " elements is too large");
        }
        int n = (int) sizeD;
        NDArray out = NDArray.empty(dtype, n);
        Object s = out.storage();
        for (int i = 0; i < n; i++) {
            // CPU arange accumulates in double (acc_type) and casts: start + i * step.
            Convert.setDouble(s, dtype, i, start + i * step);
        }
        return out;
    }

    static NDArray arange(long start, long end, long step, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("step must be nonzero");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("upper bound and larger bound inconsistent with step sign");
        }
        long n = (end - start + step - (step > 0 ? 1 : -1)) / step;
        NDArray out = NDArray.empty(dtype, Math.toIntExact(n));
        Object s = out.storage();
        for (int i = 0; i < n; i++) {
            Convert.setLong(s, dtype, i, start + i * step);
        }
        return out;
    }

    /** CPU {@code linspace} kernel: first half counts up from start, second half down from end. */
    static NDArray linspace(double start, double end, int steps, DType dtype) {
        if (steps < 0) {
            throw new IllegalArgumentException("number of steps must be non-negative");
        }
        NDArray out = NDArray.empty(dtype, steps);
        Object s = out.storage();
        if (steps == 1) {
            Convert.setDouble(s, dtype, 0, start);
            return out;
        }
        int halfway = steps / 2;
        if (dtype == DType.FLOAT32) {
            float[] o = (float[]) s;
            float fs = (float) start;
            float fe = (float) end;
            float step = (fe - fs) / (float) (steps - 1);
            for (int i = 0; i < steps; i++) {
                o[i] = i < halfway ? fs + step * i : fe - step * (steps - i - 1);
            }
        } else {
            double ds = dtype == DType.INT64 ? (long) start : start;
            double de = dtype == DType.INT64 ? (long) end : end;
            double step = (de - ds) / (steps - 1);
            for (int i = 0; i < steps; i++) {
                Convert.setDouble(s, dtype, i, i < halfway ? ds + step * i : de - step * (steps - i - 1));
            }
        }
        return out;
    }

    static NDArray eye(int n, int m, DType dtype) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("n and m must be non-negative, got " + n + " and " + m);
        }
        NDArray out = NDArray.empty(dtype, n, m);
        for (int i = 0; i < Math.min(n, m); i++) {
            Convert.setDouble(out.storage(), dtype, i * m + i, 1);
        }
        return out;
    }

    static void fill(NDArray a, double value) {
        Object s = a.storage();
        DType t = a.dtype();
        Loops.forEachRow(a.sizes(), new int[] {a.offset()}, new int[][] {a.strides()}, (off, inc, n) -> {
            int p = off[0];
            int st = inc[0];
            switch (t) {
                case FLOAT32: {
                    float v = (float) value;
                    float[] d = (float[]) s;
                    if (st == 1) {
                        java.util.Arrays.fill(d, p, p + n, v);
                    } else {
                        for (int i = 0; i < n; i++) {
                            d[p + i * st] = v;
                        }
                    }
                    break;
                }
                default:
                    for (int i = 0; i < n; i++) {
                        Convert.setDouble(s, t, p + i * st, value);
                    }
            }
        });
    }
}
