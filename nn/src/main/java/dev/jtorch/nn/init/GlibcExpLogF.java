package dev.jtorch.nn.init;

/**
 * glibc's single-precision {@code expf} and {@code logf} (x86-64, glibc 2.28 and later), which
 * PyTorch's float32 {@code calc_erfinv} calls: the algorithms and tables of Arm's Optimized Routines
 * ({@code math/expf.c}, {@code math/exp2f_data.c}, {@code math/logf.c}, {@code math/logf_data.c},
 * Copyright (c) 2017-2018 Arm Limited, MIT OR Apache-2.0 WITH LLVM-exception). Each operation is one
 * binary64 rounding and the result is rounded to float once, so the SSE2 and FMA builds agree (except
 * expf at two arguments). {@code (float) Math.exp(x)} and {@code (float) Math.log(x)} differ from
 * them now and then in the last place, which the Newton steps of erfinv amplify.
 */
final class GlibcExpLogF {
    private GlibcExpLogF() {}

    /** 2^(i/32) as binary64 bits minus {@code i << 47} (EXP2F_TABLE_BITS = 5). */
    private static final long[] EXP_TABLE = {
        0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL, 0x3fef9301d0125b51L,
        0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
        0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL,
        0x3feebfdad5362a27L, 0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L,
        0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L, 0x3feea11473eb0187L, 0x3feea589994cce13L,
        0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L, 0x3feed503b23e255dL,
        0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
        0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L,
    };
    private static final double INVLN2N = 0x1.71547652b82fep+0 * 32;
    private static final double SHIFT = 0x1.8p+52;
    private static final double C0 = 0x1.c6af84b912394p-5 / 32 / 32 / 32;
    private static final double C1 = 0x1.ebfce50fac4f3p-3 / 32 / 32;
    private static final double C2 = 0x1.62e42ff0c52d6p-1 / 32;

    private static final double[] INVC = {
        0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
        0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
        0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1,
    };
    private static final double[] LOGC = {
        -0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2, -0x1.b31d8a68224e9p-3,
        -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
        -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4,
        0x1.526e57720db08p-3, 0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2,
    };
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double A0 = -0x1.00ea348b88334p-2;
    private static final double A1 = 0x1.5575b0be00b6ap-2;
    private static final double A2 = -0x1.ffffef20a4123p-2;

    /** {@code expf(x)}; outside |x| < 87 (overflow, underflow, inf, NaN) the correctly rounded value. */
    static float expf(float x) {
        if ((Float.floatToRawIntBits(x) & 0x7fffffff) >= 0x42AE0000) {
            return (float) Math.exp(x);
        }
        double z = INVLN2N * x;
        double kd = z + SHIFT;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = z - kd;
        double s = Double.longBitsToDouble(EXP_TABLE[(int) (ki & 31)] + (ki << 47));
        double p = C0 * r + C1;
        double r2 = r * r;
        double y = C2 * r + 1.0;
        y = p * r2 + y;
        return (float) (y * s);
    }

    /** {@code logf(x)}; for zero, subnormal, negative, inf and NaN arguments the correctly rounded value. */
    static float logf(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0;
        }
        if (ix < 0x00800000 || ix >= 0x7f800000) {
            return (float) Math.log(x);
        }
        int tmp = ix - 0x3f330000;
        int i = (tmp >>> 19) & 15;
        int k = tmp >> 23;
        int iz = ix - (tmp & 0xff800000);
        double z = Float.intBitsToFloat(iz);
        double r = z * INVC[i] - 1;
        double y0 = LOGC[i] + k * LN2;
        double r2 = r * r;
        double y = A1 * r + A2;
        y = A0 * r2 + y;
        y = y * r2 + (y0 + r);
        return (float) y;
    }
}
