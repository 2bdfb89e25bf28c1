package dev.jtorch.tensor;

/**
 * The double-precision {@code log}, {@code log1p}, {@code sin}, {@code cos} that libtorch's scalar
 * normal kernels take from the C library. {@code log} and {@code log1p} reproduce glibc on x86-64
 * with AVX2 and FMA bit for bit ({@link GlibcLog}, from permissively licensed sources).
 * {@code sin} and {@code cos} are {@link StrictMath}'s (fdlibm): glibc's are LGPL code that this
 * project does not ship, and fdlibm differs from them by one unit in the last place in about
 * 2 of 1,000 results, so float64 normals (and the cached double normal) can differ from libtorch's
 * in the last bit at that rate. Float32 results are unaffected in practice.
 */
final class Libm {
    private Libm() {}

    static double log(double x) {
        return GlibcLog.log(x);
    }

    static double log1p(double x) {
        return GlibcLog.log1p(x);
    }

    static double sin(double x) {
        return StrictMath.sin(x);
    }

    static double cos(double x) {
        return StrictMath.cos(x);
    }
}
