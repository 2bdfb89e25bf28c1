package dev.jtorch.nn.init;

import dev.jtorch.tensor.kernel.Erf;

/**
 * PyTorch's CPU {@code erfinv} ({@code calc_erfinv} in {@code aten/src/ATen/native/Math.h}, a scalar
 * kernel): a rational first guess (Pavlis' port of MATLAB's erfinv), then two Newton steps
 * {@code x -= (erf(x) - y) / (2/sqrt(pi) * exp(-x^2))}, evaluated in the tensor's precision. PyTorch's
 * x86 wheels run it from the AVX2 build of {@code UnaryOpsKernel.cpp} ({@code -mfma}), where GCC fuses
 * the polynomial evaluations; so does this port. For float32 the steps call libm's {@code erff},
 * {@code expf} and {@code logf}: glibc's single-precision fdlibm {@code erff}
 * ({@code sysdeps/ieee754/flt-32/s_erff.c}) is reproduced here in float arithmetic and glibc's
 * {@code expf}/{@code logf} in {@link GlibcExpLogF}, so float32 results are PyTorch's bit for bit
 * (checked on 4*10^5 uniform draws). float64 uses fdlibm's erf and Java's exp/log in place of glibc's
 * double functions: within about 16 ulps of PyTorch, 1 result in 15 differing. fdlibm notice for the
 * {@code erff} port, which its license asks to preserve:
 *
 * <pre>
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * </pre>
 */
final class Erfinv {
    private Erfinv() {}

    private static final float[] A = {0.886226899f, -1.645349621f, 0.914624893f, -0.140543331f};
    private static final float[] B = {-2.118377725f, 1.442710462f, -0.329097515f, 0.012229801f};
    private static final float[] C = {-1.970840454f, -1.624906493f, 3.429567803f, 1.641345311f};
    private static final float[] D = {3.543889200f, 1.637067800f};
    private static final double[] AD = {0.886226899, -1.645349621, 0.914624893, -0.140543331};
    private static final double[] BD = {-2.118377725, 1.442710462, -0.329097515, 0.012229801};
    private static final double[] CD = {-1.970840454, -1.624906493, 3.429567803, 1.641345311};
    private static final double[] DD = {3.543889200, 1.637067800};

    /** {@code a * b + c} fused, as GCC contracts it in the AVX2 kernel (unfused, a quarter of the results differ). */
    private static float ma(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    /** {@code calc_erfinv<float>(y)}. */
    static float erfinv(float y) {
        float yAbs = Math.abs(y);
        if (yAbs > 1.0f) {
            return Float.NaN;
        }
        if (yAbs == 1.0f) {
            return Math.copySign(Float.POSITIVE_INFINITY, y);
        }
        float x;
        if (yAbs <= 0.7f) {
            float z = y * y;
            float num = ma(ma(ma(A[3], z, A[2]), z, A[1]), z, A[0]);
            float dem = ma(ma(ma(ma(B[3], z, B[2]), z, B[1]), z, B[0]), z, 1.0f);
            x = y * num / dem;
        } else {
            float z = (float) Math.sqrt(-GlibcExpLogF.logf((1.0f - yAbs) / 2.0f));
            float num = ma(ma(ma(C[3], z, C[2]), z, C[1]), z, C[0]);
            float dem = ma(ma(D[1], z, D[0]), z, 1.0f);
            x = Math.copySign(num, y) / dem;
        }
        float twoOverSqrtPi = 2.0f / (float) Math.sqrt(Math.PI);
        x = x - (erff(x) - y) / (twoOverSqrtPi * GlibcExpLogF.expf(-x * x));
        x = x - (erff(x) - y) / (twoOverSqrtPi * GlibcExpLogF.expf(-x * x));
        return x;
    }

    /** {@code calc_erfinv<double>(y)}, polynomials fused like float32's; erf/exp/log from fdlibm and Java. */
    static double erfinv(double y) {
        double yAbs = Math.abs(y);
        if (yAbs > 1.0) {
            return Double.NaN;
        }
        if (yAbs == 1.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, y);
        }
        double x;
        if (yAbs <= 0.7) {
            double z = y * y;
            double num = Math.fma(Math.fma(Math.fma(AD[3], z, AD[2]), z, AD[1]), z, AD[0]);
            double dem = Math.fma(Math.fma(Math.fma(Math.fma(BD[3], z, BD[2]), z, BD[1]), z, BD[0]), z, 1.0);
            x = y * num / dem;
        } else {
            double z = Math.sqrt(-Math.log((1.0 - yAbs) / 2.0));
            double num = Math.fma(Math.fma(Math.fma(CD[3], z, CD[2]), z, CD[1]), z, CD[0]);
            double dem = Math.fma(Math.fma(DD[1], z, DD[0]), z, 1.0);
            x = Math.copySign(num, y) / dem;
        }
        double twoOverSqrtPi = 2.0 / Math.sqrt(Math.PI);
        x = x - (Erf.erf(x) - y) / (twoOverSqrtPi * Math.exp(-x * x));
        x = x - (Erf.erf(x) - y) / (twoOverSqrtPi * Math.exp(-x * x));
        return x;
    }

    // glibc s_erff.c coefficients (float)
    private static final float ERX = 8.4506291151e-01f;
    private static final float EFX = 1.2837916613e-01f;
    private static final float EFX8 = 1.0270333290e+00f;
    private static final float PP0 = 1.2837916613e-01f;
    private static final float PP1 = -3.2504209876e-01f;
    private static final float PP2 = -2.8481749818e-02f;
    private static final float PP3 = -5.7702702470e-03f;
    private static final float PP4 = -2.3763017452e-05f;
    private static final float QQ1 = 3.9791721106e-01f;
    private static final float QQ2 = 6.5022252500e-02f;
    private static final float QQ3 = 5.0813062117e-03f;
    private static final float QQ4 = 1.3249473704e-04f;
    private static final float QQ5 = -3.9602282413e-06f;
    private static final float PA0 = -2.3621185683e-03f;
    private static final float PA1 = 4.1485610604e-01f;
    private static final float PA2 = -3.7220788002e-01f;
    private static final float PA3 = 3.1834661961e-01f;
    private static final float PA4 = -1.1089469492e-01f;
    private static final float PA5 = 3.5478305072e-02f;
    private static final float PA6 = -2.1663755178e-03f;
    private static final float QA1 = 1.0642088205e-01f;
    private static final float QA2 = 5.4039794207e-01f;
    private static final float QA3 = 7.1828655899e-02f;
    private static final float QA4 = 1.2617121637e-01f;
    private static final float QA5 = 1.3637083583e-02f;
    private static final float QA6 = 1.1984500103e-02f;
    private static final float RA0 = -9.8649440333e-03f;
    private static final float RA1 = -6.9385856390e-01f;
    private static final float RA2 = -1.0558626175e+01f;
    private static final float RA3 = -6.2375331879e+01f;
    private static final float RA4 = -1.6239666748e+02f;
    private static final float RA5 = -1.8460508728e+02f;
    private static final float RA6 = -8.1287437439e+01f;
    private static final float RA7 = -9.8143291473e+00f;
    private static final float SA1 = 1.9651271820e+01f;
    private static final float SA2 = 1.3765776062e+02f;
    private static final float SA3 = 4.3456588745e+02f;
    private static final float SA4 = 6.4538726807e+02f;
    private static final float SA5 = 4.2900814819e+02f;
    private static final float SA6 = 1.0863500214e+02f;
    private static final float SA7 = 6.5702495575e+00f;
    private static final float SA8 = -6.0424413532e-02f;
    private static final float RB0 = -9.8649431020e-03f;
    private static final float RB1 = -7.9928326607e-01f;
    private static final float RB2 = -1.7757955551e+01f;
    private static final float RB3 = -1.6063638306e+02f;
    private static final float RB4 = -6.3756646729e+02f;
    private static final float RB5 = -1.0250950928e+03f;
    private static final float RB6 = -4.8351919556e+02f;
    private static final float SB1 = 3.0338060379e+01f;
    private static final float SB2 = 3.2579251099e+02f;
    private static final float SB3 = 1.5367296143e+03f;
    private static final float SB4 = 3.1998581543e+03f;
    private static final float SB5 = 2.5530502930e+03f;
    private static final float SB6 = 4.7452853394e+02f;
    private static final float SB7 = -2.2440952301e+01f;

    /** glibc's {@code erff}: the fdlibm single-precision algorithm, in float arithmetic. */
    static float erff(float x) {
        int hx = Float.floatToRawIntBits(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7f800000) {
            return Float.isNaN(x) ? x : (hx < 0 ? -1.0f : 1.0f);
        }
        if (ix < 0x3f580000) { // |x| < 0.84375
            if (ix < 0x31800000) { // |x| < 2**-28
                return ix < 0x04000000 ? 0.125f * (8.0f * x + EFX8 * x) : x + EFX * x;
            }
            float z = x * x;
            float r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
            float s = 1.0f + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
            return x + x * (r / s);
        }
        if (ix < 0x3fa00000) { // 0.84375 <= |x| < 1.25
            float s = Math.abs(x) - 1.0f;
            float p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
            float q = 1.0f + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
            return hx >= 0 ? ERX + p / q : -ERX - p / q;
        }
        if (ix >= 0x40c00000) { // |x| >= 6
            return hx >= 0 ? 1.0f - 1e-30f : 1e-30f - 1.0f;
        }
        float ax = Math.abs(x);
        float s = 1.0f / (ax * ax);
        float r;
        float ss;
        if (ix < 0x4036DB6E) { // |x| < 1/0.35
            r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
            ss = 1.0f + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
        } else {
            r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
            ss = 1.0f + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
        }
        float z = Float.intBitsToFloat(Float.floatToRawIntBits(ax) & 0xfffff000);
        float e = GlibcExpLogF.expf(-z * z - 0.5625f) * GlibcExpLogF.expf((z - ax) * (z + ax) + r / ss);
        return hx >= 0 ? 1.0f - e / ax : e / ax - 1.0f;
    }
}
