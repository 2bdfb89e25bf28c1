package dev.jtorch.io;

/**
 * Exact widening of the small float formats to float32 (every value of these formats is a
 * float32 value, so nothing rounds). NaN payloads of F16 and BF16 are kept, as c10's
 * {@code fp16_ieee_to_fp32_value} and the bf16 widening do.
 */
final class LowPrecision {
    private LowPrecision() {}

    /** IEEE binary16 bits to float32. */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal (or zero): mant * 2^-24, exact
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** bfloat16 bits to float32: the top half of a float32. */
    static float bfloat16ToFloat(int b) {
        return Float.intBitsToFloat((b & 0xFFFF) << 16);
    }

    /** float8_e5m2 bits to float32: the top byte of a binary16. */
    static float e5m2ToFloat(int b) {
        return halfToFloat((b & 0xFF) << 8);
    }

    /**
     * float8_e4m3fn bits to float32 ({@code torch.float8_e4m3fn}): bias 7, subnormals, no
     * infinities, NaN only at S.1111.111.
     */
    static float e4m3fnToFloat(int b) {
        int sign = b & 0x80;
        int exp = (b >>> 3) & 0xF;
        int mant = b & 0x7;
        float v;
        if (exp == 0xF && mant == 0x7) {
            v = Float.NaN;
        } else if (exp == 0) {
            v = mant * 0x1p-9f;
        } else {
            v = Math.scalb(1.0f + mant / 8.0f, exp - 7);
        }
        return sign != 0 ? -v : v;
    }

    /** float8_e8m0fnu bits to float32 ({@code torch.float8_e8m0fnu}): 2^(e-127), 0xFF is NaN. */
    static float e8m0ToFloat(int b) {
        int e = b & 0xFF;
        return e == 0xFF ? Float.NaN : Math.scalb(1.0f, e - 127);
    }
}
