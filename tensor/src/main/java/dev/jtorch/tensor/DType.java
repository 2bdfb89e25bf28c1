package dev.jtorch.tensor;

/**
 * Element types, mirroring {@code torch.dtype}. Only the dtypes a feature needs exist;
 * {@link #FLOAT32} is the default floating dtype ({@code torch.get_default_dtype()}).
 */
public enum DType {
    /** {@code torch.bool}, stored as {@code byte[]} holding 0 or 1. */
    BOOL("bool", "Bool", 1, 0),
    /** {@code torch.int64} ({@code torch.long}), stored as {@code long[]}. */
    INT64("int64", "Long", 8, 1),
    /** {@code torch.float32} ({@code torch.float}), stored as {@code float[]}. */
    FLOAT32("float32", "Float", 4, 2),
    /** {@code torch.float64} ({@code torch.double}), stored as {@code double[]}. */
    FLOAT64("float64", "Double", 8, 3);

    private final String name;
    private final String scalarName;
    private final int itemSize;
    private final int rank;

    DType(String name, String scalarName, int itemSize, int rank) {
        this.name = name;
        this.scalarName = scalarName;
        this.itemSize = itemSize;
        this.rank = rank;
    }

    /** The default floating dtype, {@code torch.get_default_dtype()}. */
    public static DType defaultFloat() {
        return FLOAT32;
    }

    /** Bytes per element, {@code dtype.itemsize}. */
    public int itemSize() {
        return itemSize;
    }

    /** {@code dtype.is_floating_point}. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** True for integral dtypes, bool excluded. */
    public boolean isIntegral() {
        return this == INT64;
    }

    /** The name PyTorch prints, e.g. {@code torch.float32}. */
    public String torchName() {
        return "torch." + name;
    }

    /** c10's ScalarType name used in error messages: {@code Float}, {@code Double}, {@code Long}, {@code Bool}. */
    public String scalarTypeName() {
        return scalarName;
    }

    /** The legacy tensor type name PyTorch prints in some errors, e.g. {@code torch.FloatTensor}. */
    public String legacyTensorName() {
        return "torch." + scalarName + "Tensor";
    }

    /** {@code torch.promote_types(a, b)} for the supported dtypes. */
    public static DType promote(DType a, DType b) {
        return a.rank >= b.rank ? a : b;
    }

    /** Allocates zeroed storage of {@code n} elements for this dtype. */
    Object allocate(int n) {
        switch (this) {
            case FLOAT32: return new float[n];
            case FLOAT64: return new double[n];
            case INT64: return new long[n];
            default: return new byte[n];
        }
    }

    @Override
    public String toString() {
        return torchName();
    }
}
