package dev.jtorch.tensor;

/**
 * Java port of {@code log256_ps} and {@code sincos256_ps} from PyTorch's
 * {@code aten/src/ATen/native/cpu/avx_mathfun.h}, one lane at a time, for the float32 {@code randn}
 * kernel ({@code normal_fill_16_AVX2}). The lanes of the AVX2 code are independent, so computing
 * one lane in float arithmetic with the same operation sequence gives the same bits.
 *
 * <p>Where the C code multiplies and then adds ({@code _mm256_mul_ps} feeding {@code _mm256_add_ps}
 * or {@code _mm256_sub_ps}), libtorch's x86 build fuses the pair into one FMA: GCC contracts
 * floating-point expressions by default ({@code -ffp-contract=fast}) and PyTorch compiles its AVX2
 * kernels with {@code -mfma}. This port fuses exactly the pairs GCC fuses (a product whose only use
 * is one addition or subtraction; of two products feeding one addition, the one computed first)
 * with {@link Math#fma}; checked bit for bit against libtorch 2.10 over 10^6 samples.
 *
 * <p>Original: "AVX implementation of sin, cos, sincos, exp and log", based on "sse_mathfun.h" by
 * Julien Pommier, Copyright (C) 2012 Giovanni Garberoglio, zlib license; modified in PyTorch. This
 * file is an altered version (a Java translation): it is not the original software.
 */
final class AvxMathFun {
    private AvxMathFun() {}

    private static final float MIN_NORM_POS = Float.intBitsToFloat(0x00800000);
    private static final int INV_MANT_MASK = ~0x7f800000;
    private static final int HALF_BITS = Float.floatToRawIntBits(0.5f);
    private static final int NAN_BITS = 0xffffffff;

    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float LOG_P0 = (float) 7.0376836292E-2;
    private static final float LOG_P1 = (float) -1.1514610310E-1;
    private static final float LOG_P2 = (float) 1.1676998740E-1;
    private static final float LOG_P3 = (float) -1.2420140846E-1;
    private static final float LOG_P4 = (float) 1.4249322787E-1;
    private static final float LOG_P5 = (float) -1.6668057665E-1;
    private static final float LOG_P6 = (float) 2.0000714765E-1;
    private static final float LOG_P7 = (float) -2.4999993993E-1;
    private static final float LOG_P8 = (float) 3.3333331174E-1;
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = (float) 0.693359375;

    private static final float MINUS_DP1 = (float) -0.78515625;
    private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
    private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SINCOF_P0 = (float) -1.9515295891E-4;
    private static final float SINCOF_P1 = (float) 8.3321608736E-3;
    private static final float SINCOF_P2 = (float) -1.6666654611E-1;
    private static final float COSCOF_P0 = (float) 2.443315711809948E-005;
    private static final float COSCOF_P1 = (float) -1.388731625493765E-003;
    private static final float COSCOF_P2 = (float) 4.166664568298827E-002;
    private static final float FOPI = (float) 1.27323954473516; // 4 / pi

    /** {@code log256_ps} for one lane: natural log, NaN for {@code x <= 0}. */
    static float log(float x) {
        boolean invalid = x <= 0f;
        x = x > MIN_NORM_POS ? x : MIN_NORM_POS; // _mm256_max_ps(x, min_norm_pos): also maps NaN to min_norm_pos
        int bits = Float.floatToRawIntBits(x);
        int imm0 = bits >>> 23;
        x = Float.intBitsToFloat((bits & INV_MANT_MASK) | HALF_BITS); // keep the fraction, exponent of 0.5
        imm0 = imm0 - 0x7f;
        float e = (float) imm0;
        e = e + 1f;
        // if (x < SQRTHF) { e -= 1; x = x + x - 1.0; } else { x = x - 1.0; }
        boolean mask = x < SQRTHF;
        float tmp = mask ? x : 0f;
        x = x - 1f;
        e = e - (mask ? 1f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P0;
        y = Math.fma(y, x, LOG_P1);
        y = Math.fma(y, x, LOG_P2);
        y = Math.fma(y, x, LOG_P3);
        y = Math.fma(y, x, LOG_P4);
        y = Math.fma(y, x, LOG_P5);
        y = Math.fma(y, x, LOG_P6);
        y = Math.fma(y, x, LOG_P7);
        y = Math.fma(y, x, LOG_P8);
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1); // y = y*z; tmp = e*q1; y = y + tmp
        y = Math.fma(-z, 0.5f, y); // tmp = z*0.5; y = y - tmp
        x = Math.fma(e, LOG_Q2, x + y); // tmp = e*q2; x = x + y; x = x + tmp
        return invalid ? Float.intBitsToFloat(NAN_BITS) : x;
    }

    /**
     * {@code sincos256_ps} for one lane. Returns both results packed in a long: the bits of the
     * sine in the high word, of the cosine in the low word (see {@link #sin} and {@link #cos}).
     */
    static long sincos(float x) {
        int signBitSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        float y = x * FOPI;
        // _mm256_cvttps_epi32 truncates; out of range (and NaN) it gives INT_MIN where Java saturates
        int imm2 = y >= 0x1p31f || y != y ? Integer.MIN_VALUE : (int) y;
        imm2 = (imm2 + 1) & ~1; // j = (j + 1) & ~1
        y = (float) imm2;
        int imm4 = imm2;
        int swapSignBitSin = (imm2 & 4) << 29;
        boolean polyMask = (imm2 & 2) == 0;
        // extended precision modular arithmetic: x = ((x - y*DP1) - y*DP2) - y*DP3
        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);
        imm4 = imm4 - 2;
        int signBitCos = (~imm4 & 4) << 29;
        signBitSin ^= swapSignBitSin;

        float z = x * x;
        float yc = COSCOF_P0;
        yc = Math.fma(yc, z, COSCOF_P1);
        yc = Math.fma(yc, z, COSCOF_P2);
        yc = yc * z;
        yc = Math.fma(yc, z, -(z * 0.5f)); // y = y*z; tmp = z*0.5; y = y - tmp
        yc = yc + 1f;

        float ys = SINCOF_P0;
        ys = Math.fma(ys, z, SINCOF_P1);
        ys = Math.fma(ys, z, SINCOF_P2);
        ys = ys * z;
        ys = Math.fma(ys, x, x); // y2 = y2*x; y2 = y2 + x

        float ysin2 = polyMask ? ys : 0f;
        float ysin1 = polyMask ? 0f : yc;
        ys = ys - ysin2;
        yc = yc - ysin1;
        float sin = ysin1 + ysin2;
        float cos = yc + ys;
        int s = Float.floatToRawIntBits(sin) ^ signBitSin;
        int c = Float.floatToRawIntBits(cos) ^ signBitCos;
        return (long) s << 32 | (c & 0xFFFFFFFFL);
    }

    /** The sine from a {@link #sincos} result. */
    static float sin(long sincos) {
        return Float.intBitsToFloat((int) (sincos >>> 32));
    }

    /** The cosine from a {@link #sincos} result. */
    static float cos(long sincos) {
        return Float.intBitsToFloat((int) sincos);
    }
}
