package dev.jtorch.tensor;

/**
 * {@code Tensor.normal_(mean, std)} on the CPU with libtorch's exact numbers
 * ({@code aten/src/ATen/native/cpu/DistributionTemplates.h::normal_kernel}). Three paths:
 * <ul>
 *   <li>float32, at least 16 elements, contiguous: {@code normal_fill_AVX2}, which x86 builds use
 *       (AVX-512 machines too: {@code normal_stub} has no AVX-512 kernel). All uniforms are drawn
 *       first, then each block of 16 becomes 8 Box-Muller pairs computed with {@link AvxMathFun}.</li>
 *   <li>float64, at least 16 elements, contiguous: the same blocks with {@code normal_fill_16<double>}
 *       and the C library's {@code log}, {@code cos}, {@code sin} (see {@link Libm}: glibc's results,
 *       bit for bit).</li>
 *   <li>otherwise (fewer than 16 elements, or not contiguous): one
 *       {@code normal_distribution<double>} sample per element in TensorIterator order ({@code log1p},
 *       {@code sin}, {@code cos} from {@link Libm}), which
 *       returns the second value of each Box-Muller pair from the generator's cache on the next
 *       call, across calls.</li>
 * </ul>
 * When the size is not a multiple of 16, the last 16 elements are overwritten with 16 new uniforms
 * and transformed again (the block overlaps the previous one), as PyTorch does.
 *
 * <p>Products followed by an addition are fused ({@code n * std + mean} is one FMA), matching the
 * GCC-built, FMA-enabled kernels of libtorch on x86. ARM builds of PyTorch use the scalar
 * {@code normal_fill<float>} for float32 and give other float32 values.
 */
final class Normal {
    private Normal() {}

    /** {@code (double) (2.0f * c10::pi<double>)}. */
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final float TWO_PI_F = (float) (2.0 * Math.PI);
    private static final float INV_2_24 = 1.0f / 16777216f;
    private static final double INV_2_53 = 1.0 / 9007199254740992.0;

    static void normal_(NDArray t, double mean, double std, Generator g) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + CppFormat.g(std));
        }
        int n = t.numel();
        if (n == 0) {
            return;
        }
        DType dt = t.dtype();
        if (!dt.isFloatingPoint()) {
            throw Random.notImplemented("normal_kernel_cpu", dt);
        }
        boolean blocks = n >= 16 && t.isContiguous();
        if (!blocks) {
            WriteOrder.checkNoInternalOverlap(t);
        }
        synchronized (g) {
            if (blocks && dt == DType.FLOAT32) {
                fillFloat((float[]) t.storage(), t.offset(), n, (float) mean, (float) std, g);
            } else if (blocks) {
                fillDouble((double[]) t.storage(), t.offset(), n, mean, std, g);
            } else {
                scalarPath(t, mean, std, g);
            }
        }
    }

    // ------------------------------------------------------------------ float32: normal_fill_AVX2

    private static void fillFloat(float[] d, int off, int n, float mean, float std, Generator g) {
        for (int i = 0; i < n; i++) {
            d[off + i] = uniformFloat(g);
        }
        for (int i = 0; i + 16 <= n; i += 16) {
            fill16Avx2(d, off + i, mean, std);
        }
        if (n % 16 != 0) {
            int p = off + n - 16;
            for (int i = 0; i < 16; i++) {
                d[p + i] = uniformFloat(g);
            }
            fill16Avx2(d, p, mean, std);
        }
    }

    /** {@code normal_fill_16_AVX2}: lanes j = 0..7 of u1 = 1 - d[j], u2 = d[j + 8]. */
    private static void fill16Avx2(float[] d, int o, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - d[o + j];
            float u2 = d[o + j + 8];
            float radius = (float) Math.sqrt(-2f * AvxMathFun.log(u1)); // float sqrt: correctly rounded
            long sc = AvxMathFun.sincos(TWO_PI_F * u2);
            d[o + j] = Math.fma(radius * AvxMathFun.cos(sc), std, mean);
            d[o + j + 8] = Math.fma(radius * AvxMathFun.sin(sc), std, mean);
        }
    }

    // ------------------------------------------------------------------ float64: normal_fill<double>

    private static void fillDouble(double[] d, int off, int n, double mean, double std, Generator g) {
        for (int i = 0; i < n; i++) {
            d[off + i] = uniformDouble(g);
        }
        for (int i = 0; i + 16 <= n; i += 16) {
            fill16Double(d, off + i, mean, std);
        }
        if (n % 16 != 0) {
            int p = off + n - 16;
            for (int i = 0; i < 16; i++) {
                d[p + i] = uniformDouble(g);
            }
            fill16Double(d, p, mean, std);
        }
    }

    /** {@code normal_fill_16<double>}: {@code radius * cos(theta) * std + mean}, the last step fused. */
    private static void fill16Double(double[] d, int o, double mean, double std) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1 - d[o + j];
            double u2 = d[o + j + 8];
            double radius = Math.sqrt(-2 * Libm.log(u1));
            double theta = TWO_PI * u2;
            d[o + j] = Math.fma(radius * Libm.cos(theta), std, mean);
            d[o + j + 8] = Math.fma(radius * Libm.sin(theta), std, mean);
        }
    }

    // ------------------------------------------------------------------ scalar: normal_distribution<double>

    private static void scalarPath(NDArray t, double mean, double std, Generator g) {
        int[] idx = WriteOrder.offsets(t);
        if (t.dtype() == DType.FLOAT32) {
            float[] d = (float[]) t.storage();
            for (int p : idx) {
                d[p] = (float) sample(g, mean, std);
            }
        } else {
            double[] d = (double[]) t.storage();
            for (int p : idx) {
                d[p] = sample(g, mean, std);
            }
        }
    }

    /**
     * One {@code at::normal_distribution<double>(mean, std)} sample: Box-Muller from two 53-bit
     * uniforms, returning {@code r cos(theta)} and caching {@code r sin(theta)} in the generator.
     */
    static double sample(Generator g, double mean, double std) {
        if (g.hasNextNormal()) {
            return Math.fma(g.takeNextNormal(), std, mean);
        }
        double u1 = uniformDouble(g);
        double u2 = uniformDouble(g);
        double r = Math.sqrt(-2.0 * Libm.log1p(-u2));
        double theta = TWO_PI * u1;
        g.setNextNormal(r * Libm.sin(theta));
        return Math.fma(r * Libm.cos(theta), std, mean);
    }

    /** {@code uniform_real_distribution<float>(0, 1)}: 24 random bits times 2^-24. */
    static float uniformFloat(Generator g) {
        return (float) (g.nextInt() & 0xFFFFFF) * INV_2_24;
    }

    /** {@code uniform_real_distribution<double>(0, 1)}: 53 bits of {@code random64()} times 2^-53. */
    static double uniformDouble(Generator g) {
        return (double) (g.nextLong() & ((1L << 53) - 1)) * INV_2_53;
    }
}
