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

    /** {@code expk2f}'s polynomial; tanhf's limit (|x| above it gives +-1), expm1f's limits. */
    static final float EK0 = 0.1980960224e-3f;
    static final float EK1 = 0.1394256484e-2f;
    static final float EK2 = 0.8333456703e-2f;
    static final float EK3 = 0.4166637361e-1f;
    static final float EK4 = 0.166666659414234244790680580464e+0f;
    static final float TANH_MAXF = 8.664339742f;
    static final float EXPM1_MAXF = 88.72283172607421875f;
    static final float EXPM1_MINF = -16.635532333438687426013570f;

    /**
     * SLEEF {@code xtanhf} (u10): {@code (e - 1/e) / (e + 1/e)} in double-float arithmetic with
     * {@code e = expk2f(|x|)}, the sign copied from x; 1 past 8.66, NaN for NaN.
     */
    static float tanh(float x) {
        long d = expk2f(Math.abs(x));
        return tanhFinish(x, Float.intBitsToFloat((int) (d >>> 32)), Float.intBitsToFloat((int) d));
    }

    /**
     * SLEEF {@code xexpm1f} (u10): {@code expk2f(x) - 1} in double-float; +inf past 88.72, -1 below
     * -16.64, -0 for -0.
     */
    static float expm1(float a) {
        long d = expk2f(a);
        return expm1Finish(a, Float.intBitsToFloat((int) (d >>> 32)), Float.intBitsToFloat((int) d));
    }

    static float expm1Finish(float a, float dx, float dy) {
        float rx = dx + -1f;
        float v = rx - dx;
        float ry = ((dx - (rx - v)) + (-1f - v)) + dy;
        float x = rx + ry;
        if (a > EXPM1_MAXF) {
            x = Float.POSITIVE_INFINITY;
        }
        if (a < EXPM1_MINF) {
            x = -1f;
        }
        return Float.floatToRawIntBits(a) == 0x80000000 ? -0f : x;
    }

    /**
     * SLEEF {@code expk2f(d, 0)}: e^d as a double-float {@code 2^q * (1 + s + s^2 P(s))}, s = d - q ln2
     * in two steps; returned packed, high part in the upper 32 bits (no allocation).
     */
    static long expk2f(float d) {
        float u = d * R_LN2F;
        float qf = (u + RND_F) - RND_F;
        int q = Float.floatToRawIntBits(u + RND_F) - RND_F_BITS;
        float a = qf * -L2UF;
        float sx = d + a;
        float v = sx - d;
        float sy = (d - (sx - v)) + (a - v);
        float b = qf * -L2LF;
        float s2x = sx + b;
        v = s2x - sx;
        float s2y = ((sx - (s2x - v)) + (b - v)) + sy;
        sx = s2x;
        sy = s2y;
        float p = Math.fma(Math.fma(Math.fma(EK0, sx, EK1), sx, EK2), sx, EK3);
        // t = s * p + EK4 (dfmul then dfadd2)
        float tx = sx * p;
        float ty = Math.fma(sy, p, Math.fma(sx, p, -tx));
        float rx = tx + EK4;
        v = rx - tx;
        float ry = ((tx - (rx - v)) + (EK4 - v)) + ty;
        // t = s * t + 0.5
        tx = sx * rx;
        ty = Math.fma(sx, ry, Math.fma(sy, rx, Math.fma(sx, rx, -tx)));
        rx = tx + 0.5f;
        v = rx - tx;
        ry = ((tx - (rx - v)) + (0.5f - v)) + ty;
        // t = s + s^2 * t
        float qx = sx * sx;
        float qy = Math.fma(sx + sx, sy, Math.fma(sx, sx, -qx));
        float mx = qx * rx;
        float my = Math.fma(qx, ry, Math.fma(qy, rx, Math.fma(qx, rx, -mx)));
        tx = sx + mx;
        v = tx - sx;
        ty = ((sx - (tx - v)) + (mx - v)) + (sy + my);
        // 1 + t, scaled by 2^q
        float ex = 1f + tx;
        float ey = ((1f - ex) + tx) + ty;
        int h = q >> 1;
        float p1 = Float.intBitsToFloat((h + 0x7f) << 23);
        float p2 = Float.intBitsToFloat((q - h + 0x7f) << 23);
        float dx = ex * p1 * p2;
        float dy = ey * p1 * p2;
        if (d < -104f) {
            dx = 0f;
            dy = 0f;
        }
        return ((long) Float.floatToRawIntBits(dx) << 32) | (Float.floatToRawIntBits(dy) & 0xffffffffL);
    }

    /** tanh from {@code d = e^|x|} (double-float): {@code (d - 1/d) / (d + 1/d)}, then the specials. */
    static float tanhFinish(float x, float dx, float dy) {
        float rx = 1f / dx;
        float ry = rx * Math.fma(-dy, rx, Math.fma(-dx, rx, 1f));
        float nx = dx + -rx;
        float ny = (((dx - nx) + -rx) + dy) + -ry;
        float mx = dx + rx;
        float my = (((dx - mx) + rx) + dy) + ry;
        float t = 1f / mx;
        float qx = nx * t;
        float u = Math.fma(t, nx, -qx);
        float qy = Math.fma(-my, t, Math.fma(-mx, t, 1f));
        qy = Math.fma(qx, qy, Math.fma(ny, t, u));
        float y = qx + qy;
        if (Math.abs(x) > TANH_MAXF || y != y) {
            y = 1f;
        }
        y = Float.intBitsToFloat(Float.floatToRawIntBits(y) ^ (Float.floatToRawIntBits(x) & 0x80000000));
        return x != x ? Float.NaN : y;
    }

    static final float L1P2 = +0.3027294874e+0f;
    static final float L1P1 = +0.3996108174e+0f;
    static final float L1P0 = +0.6666694880e+0f;

    /**
     * SLEEF {@code xlog1pf} (u10): e = exponent of {@code (1 + d) / 0.75}, {@code m = d 2^-e + (2^-e - 1)},
     * {@code log1p = e ln2 + 2 atanh(m / (2 + m))} in double-float; {@link #log(float)} above 1e38
     * (SLEEF 3.6's {@code LOG1PF_BOUND}), NaN below -1, -inf at -1, -0 for -0. (AVX-512 SLEEF takes e from {@code getexp}; for every d where the result
     * is not overwritten by those cases 1 + d is normal and the two agree.)
     */
    static float log1p(float d) {
        float e = log1pExponent(d);
        float t = Float.intBitsToFloat(0x3f800000 - ((int) e << 23));
        float m = Math.fma(d, t, t - 1f);
        // x = m / (2 + m), double-float
        float dx = 2f + m;
        float dy = (2f - dx) + m;
        float r = 1f / dx;
        float qx = m * r;
        float u = Math.fma(r, m, -qx);
        float qy = Math.fma(-dy, r, Math.fma(-dx, r, 1f));
        qy = Math.fma(qx, qy, Math.fma(0f, r, u));
        return log1pFinish(d, e, qx, qy);
    }

    /** The exponent e of {@link #log1p} as a float: {@code ilogb((1 + d) * (1 / 0.75))}. */
    static float log1pExponent(float d) {
        int e = ((Float.floatToRawIntBits((d + 1f) * (1.0f / 0.75f)) >>> 23) & 0xff) - 0x7f;
        return (float) e;
    }

    /** {@code e ln2 + 2x + x^3 P(x^2)} in double-float from x = (qx, qy), then the special cases. */
    static float log1pFinish(float d, float e, float qx, float qy) {
        float x2 = qx * qx;
        float t = Math.fma(Math.fma(L1P2, x2, L1P1), x2, L1P0);
        float sx = LNF_HI * e;
        float sy = Math.fma(LNF_LO, e, Math.fma(LNF_HI, e, -sx));
        float ax = qx * 2f;
        float ay = qy * 2f;
        float s2 = sx + ax;
        float s2y = (((sx - s2) + ax) + sy) + ay;
        float b = x2 * qx * t;
        float s3 = s2 + b;
        float s3y = ((s2 - s3) + b) + s2y;
        float r = s3 + s3y;
        if (d > 1e38f) {
            r = log(d);
        }
        if (-1f > d) {
            r = Float.NaN;
        }
        if (d == -1f) {
            r = Float.NEGATIVE_INFINITY;
        }
        return Float.floatToRawIntBits(d) == 0x80000000 ? -0f : r;
    }

    static final float L10_HI = (float) 0.30103001;
    static final float L10_LO = (float) -1.432098889e-08;
    static final float L10E_HI = (float) 0.868588984;
    static final float L10E_LO = (float) -2.170757285e-08;
    static final float L10P2 = +0.1314289868e+0f;
    static final float L10P1 = +0.1735493541e+0f;
    static final float L10P0 = +0.2895309627e+0f;
    static final float L2E_HI = (float) 2.8853900432586669922;
    static final float L2E_LO = (float) 3.2734474483568488616e-08;
    static final float L2P2 = +0.4374550283e+0f;
    static final float L2P1 = +0.5764790177e+0f;
    static final float L2P0 = +0.9618012905120f;

    /**
     * SLEEF {@code xlog10f} (u10): with {@code d = m 2^e} as in {@link #log(float)} and
     * {@code x = (m - 1) / (m + 1)} (double-float), {@code e log10(2) + x 2 log10(e) + x^3 P(x^2)}.
     */
    static float log10(float d) {
        boolean o = d < Float.MIN_NORMAL;
        float dd = o ? d * TWO64F : d;
        int e = ((Float.floatToRawIntBits(dd * (1.0f / 0.75f)) >>> 23) & 0xff) - 0x7f;
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(dd) - (e << 23));
        float ef = (float) e - (o ? 64f : 0f);
        float t = 1f / (1f + m);
        float xx = (-1f + m) * t;
        return log10Finish(d, ef, xx, logDivLo(m, t, xx));
    }

    static float log10Finish(float d, float ef, float xx, float xy) {
        float x2 = xx * xx;
        float t = Math.fma(Math.fma(L10P2, x2, L10P1), x2, L10P0);
        float sx = L10_HI * ef;
        float sy = Math.fma(L10_LO, ef, Math.fma(L10_HI, ef, -sx));
        float px = xx * L10E_HI;
        float py = Math.fma(xx, L10E_LO, Math.fma(xy, L10E_HI, Math.fma(xx, L10E_HI, -px)));
        float rx = sx + px;
        float ry = (((sx - rx) + px) + sy) + py;
        float b = x2 * xx * t;
        float r2 = rx + b;
        return logSpecials(d, r2 + (((rx - r2) + b) + ry));
    }

    /** SLEEF {@code xlog2f} (u10): {@code e + x 2 log2(e) + x^3 P(x^2)}, as {@link #log10(float)}. */
    static float log2(float d) {
        boolean o = d < Float.MIN_NORMAL;
        float dd = o ? d * TWO64F : d;
        int e = ((Float.floatToRawIntBits(dd * (1.0f / 0.75f)) >>> 23) & 0xff) - 0x7f;
        float m = Float.intBitsToFloat(Float.floatToRawIntBits(dd) - (e << 23));
        float ef = (float) e - (o ? 64f : 0f);
        float t = 1f / (1f + m);
        float xx = (-1f + m) * t;
        return log2Finish(d, ef, xx, logDivLo(m, t, xx));
    }

    static float log2Finish(float d, float ef, float xx, float xy) {
        float x2 = xx * xx;
        float t = Math.fma(Math.fma(L2P2, x2, L2P1), x2, L2P0);
        float px = xx * L2E_HI;
        float py = Math.fma(xx, L2E_LO, Math.fma(xy, L2E_HI, Math.fma(xx, L2E_HI, -px)));
        float sx = ef + px;
        float v = sx - ef;
        float sy = ((ef - (sx - v)) + (px - v)) + py;
        float b = x2 * xx * t;
        float s2 = sx + b;
        v = s2 - sx;
        float s2y = ((sx - (s2 - v)) + (b - v)) + sy;
        return logSpecials(d, s2 + s2y);
    }

    /** The low part of the double-float {@code (m - 1) / (m + 1)} whose high part is {@code xx}, t = 1 / (1 + m). */
    static float logDivLo(float m, float t, float xx) {
        float nx = -1f + m;
        float nv = nx - -1f;
        float ny = (-1f - (nx - nv)) + (m - nv);
        float dx = 1f + m;
        float dv = dx - 1f;
        float dy = (1f - (dx - dv)) + (m - dv);
        float uu = Math.fma(t, nx, -xx);
        float v = Math.fma(-dy, t, Math.fma(-dx, t, 1f));
        return Math.fma(xx, v, Math.fma(ny, t, uu));
    }

    /** log's special cases: +inf at +inf, NaN below 0 and for NaN, -inf at +-0. */
    static float logSpecials(float d, float r) {
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
