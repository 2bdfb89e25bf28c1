package dev.jtorch.tensor.kernel;

/**
 * Scalar ports of SLEEF's {@code expf_u10}, {@code logf_u10}, {@code exp_u10} and {@code log_u10}
 * (SLEEF 3.x {@code sleefsimdsp.c xexpf/xlogf_u1}, {@code sleefsimddp.c xexp/xlog_u1}, FMA build),
 * which PyTorch's {@code Vectorized<float>::exp/log} and {@code Vectorized<double>::exp/log} call on
 * AVX2/AVX-512. Built only from exactly rounded operations (+, *, /, {@link Math#fma}, compares, bit
 * reinterpretation), so the result cannot depend on the JIT tier; {@link VectorSleef} is the same
 * algorithm lane by lane and gives the same bits. {@code Math.exp/log} and the Vector API's
 * {@code EXP/LOG} differ from these (and from each other) in the last bit.
 */
final class SleefMath {
    private SleefMath() {}

    static final float R_LN2F = (float) 1.442695040888963407359924681001892137426645954152985934135449406931;
    static final float L2UF = 0.693145751953125f;
    static final float L2LF = 1.428606765330187045e-06f;
    static final double R_LN2 = 1.442695040888963407359924681001892137426645954152985934135449406931;
    static final double L2U = .69314718055966295651160180568695068359375;
    static final double L2L = .28235290563031577122588448175013436025525412068e-12;
    /** 1.5 * 2^23: {@code (t + M) - M} rounds {@code t} to nearest even for |t| < 2^22, and the low bits of {@code t + M} hold it. */
    static final float RND_F = 12582912f;
    static final int RND_F_BITS = 0x4B400000;
    static final double RND_D = 6755399441055744.0;
    static final long RND_D_BITS = 0x4338000000000000L;

    static final float EF0 = (float) 0.000198527617612853646278381;
    static final float EF1 = (float) 0.00139304355252534151077271;
    static final float EF2 = (float) 0.00833336077630519866943359;
    static final float EF3 = (float) 0.0416664853692054748535156;
    static final float EF4 = (float) 0.166666671633720397949219;

    static final double E9 = +0.2081276378237164457e-8;
    static final double E8 = +0.2511210703042288022e-7;
    static final double E7 = +0.2755762628169491192e-6;
    static final double E6 = +0.2755723402025388239e-5;
    static final double E5 = +0.2480158687479686264e-4;
    static final double E4 = +0.1984126989855865850e-3;
    static final double E3 = +0.1388888888914497797e-2;
    static final double E2 = +0.8333333333314938210e-2;
    static final double E1 = +0.4166666666666602598e-1;
    static final double E0 = +0.1666666666666669072e+0;

    static final float LNF_HI = 0.69314718246459960938f;
    static final float LNF_LO = -1.904654323148236017e-09f;
    static final float LF2 = +0.3027294874e+0f;
    static final float LF1 = +0.3996108174e+0f;
    static final float LF0 = +0.6666694880e+0f;

    static final double LN_HI = 0.693147180559945286226764;
    static final double LN_LO = 2.319046813846299558417771e-17;
    static final double L6 = 0.1532076988502701353e+0;
    static final double L5 = 0.1525629051003428716e+0;
    static final double L4 = 0.1818605932937785996e+0;
    static final double L3 = 0.2222214519839380009e+0;
    static final double L2 = 0.2857142932794299317e+0;
    static final double L1 = 0.3999999999635251990e+0;
    static final double L0 = 0.6666666666667333541e+0;

    static final float TWO64F = 18446744073709551616f;
    static final double TWO64 = 18446744073709551616.0;

    // ------------------------------------------------------------------ float

    static float exp(float d) {
        float t = d * R_LN2F;
        float qf = (t + RND_F) - RND_F;
        int q = Float.floatToRawIntBits(t + RND_F) - RND_F_BITS;
        float s = Math.fma(qf, -L2UF, d);
        s = Math.fma(qf, -L2LF, s);
        float u = EF0;
        u = Math.fma(u, s, EF1);
        u = Math.fma(u, s, EF2);
        u = Math.fma(u, s, EF3);
        u = Math.fma(u, s, EF4);
        u = Math.fma(u, s, 0.5f);
        u = 1f + Math.fma(s * s, u, s);
        int h = q >> 1;
        u = u * Float.intBitsToFloat((h + 0x7f) << 23) * Float.intBitsToFloat((q - h + 0x7f) << 23);
        if (d < -104f) {
            u = 0f;
        }
        if (d > 100f) {
            u = Float.POSITIVE_INFINITY;
        }
        return u;
    }

    static float log(float d) {
        boolean o = d < Float.MIN_NORMAL;
        float dd = o ? d * TWO64F : d;
        int e = ((Float.floatToRawIntBits(dd * (1.0f / 0.75f)) >>> 23) & 0xff) - 0x7f;
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(dd) - (e << 23));
        float ef = (float) e - (o ? 64f : 0f);
        // s = (LNF_HI, LNF_LO) * ef, double-float
        float sx = LNF_HI * ef;
        float sy = Math.fma(LNF_LO, ef, Math.fma(LNF_HI, ef, -sx));
        // x = (m - 1) / (m + 1), double-float
        float nx = -1f + m;
        float nv = nx - -1f;
        float ny = (-1f - (nx - nv)) + (m - nv);
        float dx = 1f + m;
        float dv = dx - 1f;
        float dy = (1f - (dx - dv)) + (m - dv);
        float t = 1f / dx;
        float xx = nx * t;
        float uu = Math.fma(t, nx, -xx);
        float v = Math.fma(-dy, t, Math.fma(-dx, t, 1f));
        float xy = Math.fma(xx, v, Math.fma(ny, t, uu));
        float x2 = xx * xx;
        float p = LF2;
        p = Math.fma(p, x2, LF1);
        p = Math.fma(p, x2, LF0);
        // s += x * 2
        float ax = xx * 2f;
        float ay = xy * 2f;
        float s2 = sx + ax;
        float s2y = (((sx - s2) + ax) + sy) + ay;
        // s += x2 * x * p
        float b = (x2 * xx) * p;
        float s3 = s2 + b;
        float s3y = ((s2 - s3) + b) + s2y;
        float r = s3 + s3y;
        if (d == Float.POSITIVE_INFINITY) {
            r = Float.POSITIVE_INFINITY;
        }
        if (d < 0f || d != d) {
            r = Float.NaN;
        }
        if (d == 0f) {
            r = Float.NEGATIVE_INFINITY;
        }
        return r;
    }

    // ------------------------------------------------------------------ double

    static double exp(double d) {
        double t = d * R_LN2;
        double qd = (t + RND_D) - RND_D;
        long q = Double.doubleToRawLongBits(t + RND_D) - RND_D_BITS;
        double s = Math.fma(qd, -L2U, d);
        s = Math.fma(qd, -L2L, s);
        double s2 = s * s;
        double s4 = s2 * s2;
        double s8 = s4 * s4;
        double lo = Math.fma(s2, Math.fma(s, E3, E2), Math.fma(s, E1, E0));
        double hi = Math.fma(s2, Math.fma(s, E7, E6), Math.fma(s, E5, E4));
        double u = Math.fma(s8, Math.fma(s, E9, E8), Math.fma(s4, hi, lo));
        u = Math.fma(u, s, 0.5);
        u = Math.fma(u, s, 1.0);
        u = Math.fma(u, s, 1.0);
        long h = q >> 1;
        u = u * Double.longBitsToDouble((h + 0x3ff) << 52) * Double.longBitsToDouble((q - h + 0x3ff) << 52);
        if (d > 709.78271114955742909217217426) {
            u = Double.POSITIVE_INFINITY;
        }
        if (d < -1000) {
            u = 0d;
        }
        return u;
    }

    static double log(double d) {
        boolean o = d < Double.MIN_NORMAL;
        double dd = o ? d * TWO64 : d;
        long e = ((Double.doubleToRawLongBits(dd * (1.0 / 0.75)) >>> 52) & 0x7ff) - 0x3ff;
        double m = Double.longBitsToDouble(Double.doubleToRawLongBits(dd) - (e << 52));
        double ef = (double) e - (o ? 64d : 0d);
        double nx = -1d + m;
        double nv = nx - -1d;
        double ny = (-1d - (nx - nv)) + (m - nv);
        double dx = 1d + m;
        double dv = dx - 1d;
        double dy = (1d - (dx - dv)) + (m - dv);
        double t = 1d / dx;
        double xx = nx * t;
        double uu = Math.fma(t, nx, -xx);
        double v = Math.fma(-dy, t, Math.fma(-dx, t, 1d));
        double xy = Math.fma(xx, v, Math.fma(ny, t, uu));
        double x2 = xx * xx;
        double x4 = x2 * x2;
        double x8 = x4 * x4;
        double p = Math.fma(x8, Math.fma(x4, L6, Math.fma(x2, L5, L4)),
                Math.fma(x4, Math.fma(x2, L3, L2), Math.fma(x2, L1, L0)));
        double sx = LN_HI * ef;
        double sy = Math.fma(LN_LO, ef, Math.fma(LN_HI, ef, -sx));
        double ax = xx * 2d;
        double ay = xy * 2d;
        double s2 = sx + ax;
        double s2y = (((sx - s2) + ax) + sy) + ay;
        double b = (x2 * xx) * p;
        double s3 = s2 + b;
        double s3y = ((s2 - s3) + b) + s2y;
        double r = s3 + s3y;
        if (d == Double.POSITIVE_INFINITY) {
            r = Double.POSITIVE_INFINITY;
        }
        if (d < 0d || d != d) {
            r = Double.NaN;
        }
        if (d == 0d) {
            r = Double.NEGATIVE_INFINITY;
        }
        return r;
    }
}
