package dev.jtorch.io;

import dev.jtorch.tensor.DType;

/**
 * The dtypes of the safetensors format, in the declaration order of {@code safetensors::Dtype}
 * ({@code safetensors/src/tensor.rs}). That order is the "alignment order" the writer sorts by
 * (descending), so the ordinal here is significant. Newer releases inserted F4, F6_*, F8_E8M0 and
 * C64 without changing the relative order of the older dtypes.
 *
 * <p>{@link #target} is the jtorch dtype a tensor loads as, or {@code null} where jtorch has no
 * exact representation (sub-byte floats, complex, and U64 whose upper half int64 cannot hold).
 */
enum StDtype {
    BOOL(8, DType.BOOL),
    F4(4, null),
    F6_E2M3(6, null),
    F6_E3M2(6, null),
    U8(8, DType.INT64),
    I8(8, DType.INT64),
    F8_E5M2(8, DType.FLOAT32),
    F8_E4M3(8, DType.FLOAT32),
    F8_E8M0(8, DType.FLOAT32),
    I16(16, DType.INT64),
    U16(16, DType.INT64),
    F16(16, DType.FLOAT32),
    BF16(16, DType.FLOAT32),
    I32(32, DType.INT64),
    U32(32, DType.INT64),
    F32(32, DType.FLOAT32),
    C64(64, null),
    F64(64, DType.FLOAT64),
    I64(64, DType.INT64),
    U64(64, null);

    /** Bits per element ({@code Dtype::bitsize}). */
    final int bits;
    /** The jtorch dtype this loads as, or {@code null} when jtorch cannot load it. */
    final DType target;

    StDtype(int bits, DType target) {
        this.bits = bits;
        this.target = target;
    }

    /** The dtype named {@code s} in a header, or {@code null} for a name the format does not have. */
    static StDtype parse(String s) {
        for (StDtype d : values()) {
            if (d.name().equals(s)) {
                return d;
            }
        }
        return null;
    }

    /** The safetensors dtype jtorch writes for {@code t}. */
    static StDtype of(DType t) {
        switch (t) {
            case FLOAT32: return F32;
            case FLOAT64: return F64;
            case INT64: return I64;
            case BOOL: return BOOL;
            default: throw new IllegalArgumentException("safetensors cannot store dtype " + t);
        }
    }

    /** Bytes per element for whole-byte dtypes. */
    int byteSize() {
        return bits / 8;
    }
}
