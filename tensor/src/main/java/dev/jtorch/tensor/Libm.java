package dev.jtorch.tensor;

/**
 * The double-precision {@code log}, {@code log1p}, {@code sin}, {@code cos} that libtorch's scalar
 * normal kernels take from the C library, reproduced bit for bit for glibc on x86-64 with AVX2 and
 * FMA (the machine libtorch's numbers are checked on): see {@link GlibcLog} and {@link GlibcSinCos}.
 * On other C libraries libtorch's own float64 normals would differ in the last bit now and then.
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
        return GlibcSinCos.sin(x);
    }

    static double cos(double x) {
        return GlibcSinCos.cos(x);
    }
}
