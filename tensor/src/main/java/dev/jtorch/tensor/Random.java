package dev.jtorch.tensor;

import java.util.Arrays;

/**
 * Random sampling with libtorch's CPU streams: {@code rand}, {@code randn}, {@code randint},
 * {@code randperm} and the in-place {@code uniform_}, {@code normal_} (see {@link Normal}),
 * {@code bernoulli_}, {@code random_}. Every function takes the generator's lock for the whole
 * tensor and writes one sample per element in TensorIterator order ({@link WriteOrder}); argument
 * checks and their messages follow {@code aten/src/ATen/native/DistributionTemplates.h}. A
 * {@code null} generator means the global one, {@link Generator#defaultGenerator()}.
 */
final class Random {
    private Random() {}

    private static final float INV_2_24 = 1.0f / 16777216f;

    static Generator gen(Generator g) {
        return g == null ? Generator.defaultGenerator() : g;
    }

    /** PyTorch's dispatch error, e.g. {@code "normal_kernel_cpu" not implemented for 'Long'}. */
    static IllegalArgumentException notImplemented(String kernel, DType dt) {
        return new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + dt.scalarTypeName() + "'");
    }

    /** {@code at::empty(size, dtype)} with PyTorch's negative-size message. */
    static NDArray allocate(DType dtype, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Trying to create tensor with negative dimension " + d + ": "
                        + Arrays.toString(shape));
            }
        }
        return NDArray.empty(dtype, shape);
    }

    // ------------------------------------------------------------------ factories

    static NDArray rand(Generator g, DType dtype, int[] shape) {
        return uniform_(allocate(dtype, shape), 0, 1, g);
    }

    static NDArray normal(double mean, double std, Generator g, DType dtype, int[] shape) {
        NDArray t = allocate(dtype, shape);
        Normal.normal_(t, mean, std, gen(g));
        return t;
    }

    static NDArray randint(long low, long high, int[] shape, DType dtype, Generator g) {
        return random_(allocate(dtype, shape), low, high, g);
    }

    /** {@code randperm_cpu}: a Fisher-Yates shuffle with {@code random() % (n - i)}. */
    static NDArray randperm(int n, DType dtype, Generator g) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        if (dtype == DType.FLOAT32 && n > (1 << 24) + 1) {
            throw new IllegalArgumentException("n cannot be greater than 2^24+1 for Float type.");
        }
        if (dtype == DType.BOOL) {
            throw notImplemented("randperm", dtype);
        }
        int[] r = new int[n];
        Generator gg = gen(g);
        synchronized (gg) {
            if (n < 0xFFFFFFFFL / 20) {
                for (int i = 0; i < n; i++) {
                    r[i] = i;
                }
                for (int i = 0; i < n - 1; i++) {
                    int z = (int) ((gg.nextInt() & 0xFFFFFFFFL) % (n - i));
                    int save = r[i];
                    r[i] = r[z + i];
                    r[z + i] = save;
                }
            } else { // "inside-out" Fisher-Yates with random64(), as PyTorch does for huge n
                for (int i = 0; i < n; i++) {
                    int z = (int) Long.remainderUnsigned(gg.nextLong(), i + 1);
                    r[i] = i;
                    r[i] = r[z];
                    r[z] = i;
                }
            }
        }
        NDArray out = NDArray.empty(dtype, n);
        Object s = out.storage();
        for (int i = 0; i < n; i++) {
            Convert.setLong(s, dtype, i, r[i]);
        }
        return out;
    }

    // ------------------------------------------------------------------ uniform_

    /** {@code uniform_impl_} + {@code uniform_kernel}: {@code fma(x, to - from, from)} in the dtype. */
    static NDArray uniform_(NDArray t, double from, double to, Generator g) {
        DType dt = t.dtype();
        if (!dt.isFloatingPoint()) {
            throw notImplemented("check_uniform_bounds", dt);
        }
        double max = dt == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        if (!(from >= -max && from <= max)) {
            throw new IllegalArgumentException("from is out of bounds for " + cTypeName(dt));
        }
        if (!(to >= -max && to <= max)) {
            throw new IllegalArgumentException("to is out of bounds for " + cTypeName(dt));
        }
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + CppFormat.g(from) + " > to=" + CppFormat.g(to));
        }
        if (!(to - from <= max)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<" + dt.scalarTypeName()
                    + ">::max(), but found to=" + CppFormat.g(to) + " and from=" + CppFormat.g(from)
                    + " which result in to-from to exceed the limit");
        }
        if (t.numel() == 0) {
            return t;
        }
        WriteOrder.checkNoInternalOverlap(t);
        int[] idx = WriteOrder.offsetsUnlessContiguous(t);
        int n = t.numel();
        int off = t.offset();
        Generator gg = gen(g);
        synchronized (gg) {
            if (dt == DType.FLOAT32) {
                float[] d = (float[]) t.storage();
                float f = (float) from;
                float range = (float) to - f;
                for (int k = 0; k < n; k++) {
                    d[idx == null ? off + k : idx[k]] = Math.fma((float) (gg.nextInt() & 0xFFFFFF) * INV_2_24, range, f);
                }
            } else {
                double[] d = (double[]) t.storage();
                double range = to - from;
                for (int k = 0; k < n; k++) {
                    d[idx == null ? off + k : idx[k]] = Math.fma(Normal.uniformDouble(gg), range, from);
                }
            }
        }
        return t;
    }

    // ------------------------------------------------------------------ bernoulli_

    /**
     * {@code bernoulli_(p)} without MKL: each element is {@code uniform<double>() < p}, one
     * {@code random64()} per element. libtorch builds with MKL take another algorithm on Intel
     * CPUs (one {@code random()} seeds an MKL VSL stream), so their values differ there.
     */
    static NDArray bernoulli_(NDArray t, double p, Generator g) {
        if (!(0 <= p && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + CppFormat.g(p));
        }
        if (t.numel() == 0) {
            return t;
        }
        WriteOrder.checkNoInternalOverlap(t);
        int[] idx = WriteOrder.offsetsUnlessContiguous(t);
        int n = t.numel();
        int off = t.offset();
        Object s = t.storage();
        DType dt = t.dtype();
        Generator gg = gen(g);
        synchronized (gg) {
            for (int k = 0; k < n; k++) {
                Convert.setLong(s, dt, idx == null ? off + k : idx[k], Normal.uniformDouble(gg) < p ? 1 : 0);
            }
        }
        return t;
    }

    // ------------------------------------------------------------------ random_

    /**
     * {@code random_(from, to)}; {@code to == null} is {@code to=None} (up to the dtype's largest
     * value, 2^24 for float32 and 2^53 for float64).
     */
    static NDArray random_(NDArray t, long from, Long toOpt, Generator g) {
        WriteOrder.checkNoInternalOverlap(t);
        DType dt = t.dtype();
        long range;
        if (toOpt != null) {
            long to = toOpt;
            if (!(from < to)) {
                throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + from
                        + " >= to=" + to);
            }
            if (dt.isFloatingPoint()) {
                from = updateFrom(from, dt);
                to = updateTo(to, dt);
                if (!(from < to)) {
                    throw new IllegalArgumentException("random_ expects 'from' casted to dtype to be less than 'to' "
                            + "casted to dtype, but got from=" + from + " >= to=" + to);
                }
            }
            checkFromToInRange(from, to - 1, dt);
            range = to - from;
        } else if (from != Long.MIN_VALUE) {
            long toInc;
            if (dt.isFloatingPoint()) {
                toInc = 1L << digits(dt);
                from = updateFrom(from, dt);
                if (!(from < toInc)) {
                    throw new IllegalArgumentException("random_ expects 'from' casted to dtype to be less than or "
                            + "equal to 'to_inc' casted to dtype, but got from=" + from + " > to_inc=" + toInc);
                }
            } else {
                toInc = dt == DType.BOOL ? 1 : Long.MAX_VALUE;
            }
            checkFromToInRange(from, toInc, dt);
            range = toInc - from + 1;
        } else { // [int64 min, int64 max]: the full 64-bit range
            if (t.numel() == 0) {
                return t;
            }
            if (dt == DType.BOOL) {
                throw notImplemented("random_full_64_bits_range_kernel_cpu", dt);
            }
            fill(t, g, 0, 0, Mode.FULL_RANGE);
            return t;
        }
        if (t.numel() == 0) {
            return t;
        }
        // uniform_int_from_to_distribution: random64() from a range of 2^28 on, for every dtype (the
        // public builds' branch; Meta's internal FBCODE build uses 2^32 and only some dtypes)
        boolean wide = Long.compareUnsigned(range, 1L << 28) >= 0;
        fill(t, g, range, from, wide ? Mode.FROM_TO_64 : Mode.FROM_TO_32);
        return t;
    }

    /** {@code random_()}: [0, 2^63) for int64, [0, 2^24] for float32, [0, 2^53] for float64, 0/1 for bool. */
    static NDArray random_(NDArray t, Generator g) {
        if (t.numel() == 0) {
            return t;
        }
        WriteOrder.checkNoInternalOverlap(t);
        fill(t, g, 0, 0, Mode.DEFAULT);
        return t;
    }

    private enum Mode { FROM_TO_32, FROM_TO_64, FULL_RANGE, DEFAULT }

    private static void fill(NDArray t, Generator g, long range, long base, Mode mode) {
        int[] idx = WriteOrder.offsetsUnlessContiguous(t);
        int n = t.numel();
        int off = t.offset();
        Object s = t.storage();
        DType dt = t.dtype();
        Generator gg = gen(g);
        synchronized (gg) {
            for (int k = 0; k < n; k++) {
                int p = idx == null ? off + k : idx[k];
                long v;
                switch (mode) {
                    case FROM_TO_32: v = (gg.nextInt() & 0xFFFFFFFFL) % range + base; break;
                    case FROM_TO_64: v = Long.remainderUnsigned(gg.nextLong(), range) + base; break;
                    case FULL_RANGE: v = gg.nextLong(); break;
                    default: v = defaultValue(gg, dt); break;
                }
                Convert.setLong(s, dt, p, v);
            }
        }
    }

    /** {@code uniform_int_distribution<T>}: the draw of {@code random_()} without bounds. */
    private static long defaultValue(Generator g, DType dt) {
        switch (dt) {
            case INT64: return g.nextLong() & Long.MAX_VALUE;
            case FLOAT64: return Long.remainderUnsigned(g.nextLong(), (1L << 53) + 1);
            case FLOAT32: return (g.nextInt() & 0xFFFFFFFFL) % ((1L << 24) + 1);
            default: return g.nextInt() & 1;
        }
    }

    // ------------------------------------------------------------------ random_ bounds (DistributionTemplates.h)

    private static int digits(DType dt) {
        return dt == DType.FLOAT32 ? 24 : 53;
    }

    /** The dtype rounded to the floating type and truncated back, as {@code static_cast<int64_t>} does on x86. */
    private static long roundTrip(long v, DType dt) {
        double d = dt == DType.FLOAT32 ? (double) (float) v : (double) v;
        return d >= 0x1p63 || d < -0x1p63 || d != d ? Long.MIN_VALUE : (long) d;
    }

    /** {@code update_from}: moves {@code from} right to the next value the dtype holds. */
    static long updateFrom(long from, DType dt) {
        long fromPlus1 = roundTrip(from + 1, dt);
        if (fromPlus1 < from) {
            long a = Math.abs(from + 1);
            int n = 0;
            while ((a >>= 1) != 0) {
                ++n;
            }
            from = fromPlus1 + (1L << (n - digits(dt) + 1));
        }
        return from;
    }

    /** {@code update_to}: moves {@code to} left to the previous value the dtype holds. */
    static long updateTo(long to, DType dt) {
        long toMinus1 = roundTrip(to - 1, dt);
        if (toMinus1 >= to) {
            long a = Math.abs(to - 1);
            int n = 0;
            while ((a >>= 1) != 0) {
                ++n;
            }
            to = toMinus1 - (1L << (n - digits(dt) + 1));
        }
        return to;
    }

    private static void checkFromToInRange(long from, long toInc, DType dt) {
        if (dt != DType.BOOL) {
            return; // every int64 lies within the range of int64, float and double
        }
        if (from < 0 || from > 1) {
            throw new IllegalArgumentException("from is out of bounds for bool");
        }
        if (toInc < 0 || toInc > 1) {
            throw new IllegalArgumentException("to - 1 is out of bounds for bool");
        }
    }

    /** The C++ type name {@code caffe2::TypeMeta} prints in messages. */
    private static String cTypeName(DType dt) {
        switch (dt) {
            case FLOAT32: return "float";
            case FLOAT64: return "double";
            case INT64: return "long int";
            default: return "bool";
        }
    }
}
