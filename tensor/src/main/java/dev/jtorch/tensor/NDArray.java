package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.CompareOp;
import dev.jtorch.tensor.kernel.TernaryOp;
import dev.jtorch.tensor.kernel.UnaryOp;

/**
 * A strided n-dimensional array without gradients: storage (a flat Java array of the dtype),
 * shape, strides (in elements) and an offset. Views share storage; see {@link #view}.
 *
 * <p>This class is a thin facade: each method is a one-line delegation to the file that
 * implements it ({@code Views}, {@code Creation}, {@code Elementwise}, {@code Reductions},
 * {@code LinAlg}, {@code Indexing}, {@code Random}, {@code TensorFormatter}). The user-facing
 * {@code dev.jtorch.Tensor} wraps an {@code NDArray} and adds autograd.
 */
public final class NDArray {
    private final DType dtype;
    private final Object data;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    /** The sizes and strides of every 0-d array made by {@link #empty(DType, int...)} (empty, so never modified). */
    private static final int[] NO_DIMS = new int[0];

    NDArray(DType dtype, Object data, int[] shape, int[] strides, int offset) {
        this.dtype = dtype;
        this.data = data;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** A view of the same storage with another layout. */
    NDArray withLayout(int[] newShape, int[] newStrides, int newOffset) {
        return new NDArray(dtype, data, newShape, newStrides, newOffset);
    }

    // ------------------------------------------------------------------ raw access (package and kernels)

    /** The backing array ({@code float[]}, {@code double[]}, {@code long[]} or {@code byte[]}). */
    Object storage() {
        return data;
    }

    int offset() {
        return offset;
    }

    /** The live strides array; callers must not modify it. */
    int[] strides() {
        return strides;
    }

    int sizeAt(int d) {
        return shape[d];
    }

    /** The live sizes array; callers must not modify it (small-op paths read it instead of cloning). */
    int[] sizesRaw() {
        return shape;
    }

    int strideAt(int d) {
        return strides[d];
    }

    /**
     * A new array of dtype {@code t} and this one's shape, laid out with this one's strides, which
     * must be exactly row-major ({@code Shapes.contiguousStrides}); the shape and stride arrays are
     * shared, as neither is ever modified. Saves the copies {@link #empty(DType, int...)} makes on
     * the small-op hot path.
     */
    NDArray emptyRowMajorLike(DType t) {
        int n = Shapes.numel(shape);
        // an empty array's row-major check passes with any stride outside its zero-size dim
        return new NDArray(t, t.allocate(n), shape, n == 0 ? Shapes.contiguousStrides(shape) : strides, 0);
    }

    String dtypeTensorName() {
        return dtype.legacyTensorName();
    }

    // ------------------------------------------------------------------ metadata

    /** {@code tensor.dtype}. */
    public DType dtype() {
        return dtype;
    }

    /** {@code tensor.shape} / {@code tensor.size()}. */
    public Shape shape() {
        return Shape.wrap(shape.clone());
    }

    /** A copy of the sizes, {@code list(tensor.shape)}. */
    public int[] sizes() {
        return shape.clone();
    }

    /** {@code tensor.size(dim)}; negative dims count from the end. */
    public int size(int dim) {
        requireDims(dim);
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    private void requireDims(int dim) {
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
    }

    /** {@code tensor.stride()}, in elements. */
    public int[] stride() {
        return strides.clone();
    }

    /** {@code tensor.stride(dim)}. */
    public int stride(int dim) {
        requireDims(dim);
        return strides[Shapes.wrapDim(dim, shape.length)];
    }

    /** {@code tensor.storage_offset()}. */
    public int storageOffset() {
        return offset;
    }

    /** {@code tensor.dim()}. */
    public int dim() {
        return shape.length;
    }

    /** {@code tensor.numel()}. */
    public int numel() {
        return Shapes.numel(shape);
    }

    /** {@code tensor.is_contiguous()}: PyTorch ignores the strides of size-1 dims; an empty tensor is contiguous. */
    public boolean isContiguous() {
        if (numel() == 0) {
            return true;
        }
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1) {
                if (strides[i] != expected) {
                    return false;
                }
                expected *= shape[i];
            }
        }
        return true;
    }

    /** True when both arrays view the same storage (PyTorch: same {@code untyped_storage()}). */
    public boolean sharesStorageWith(NDArray other) {
        return data == other.data;
    }

    // ------------------------------------------------------------------ creation

    /** {@code torch.empty(*shape, dtype=dtype)} (zero-filled: Java arrays always are). */
    public static NDArray empty(DType dtype, int... shape) {
        if (shape.length == 0) {
            return new NDArray(dtype, dtype.allocate(1), NO_DIMS, NO_DIMS, 0); // a 0-d array: nothing to copy
        }
        int[] s = Shape.checkedCopy(shape);
        return new NDArray(dtype, dtype.allocate(Shapes.numel(s)), s, Shapes.contiguousStrides(s), 0);
    }

    /** {@code torch.empty(*shape)} in the default dtype. */
    public static NDArray empty(int... shape) {
        return empty(DType.defaultFloat(), shape);
    }

    /** {@code torch.zeros(*shape, dtype=dtype)}. */
    public static NDArray zeros(DType dtype, int... shape) {
        return empty(dtype, shape);
    }

    /** {@code torch.zeros(*shape)}. */
    public static NDArray zeros(int... shape) {
        return empty(DType.defaultFloat(), shape);
    }

    /** {@code torch.ones(*shape, dtype=dtype)}. */
    public static NDArray ones(DType dtype, int... shape) {
        return full(1, dtype, shape);
    }

    /** {@code torch.ones(*shape)}. */
    public static NDArray ones(int... shape) {
        return full(1, DType.defaultFloat(), shape);
    }

    /** {@code torch.full(shape, value, dtype=dtype)}. */
    public static NDArray full(double value, DType dtype, int... shape) {
        return empty(dtype, shape).fill_(value);
    }

    /** {@code torch.full(shape, value)} with a float value: the default dtype. */
    public static NDArray full(double value, int... shape) {
        return full(value, DType.defaultFloat(), shape);
    }

    /** {@code torch.zeros_like(a)}. */
    public static NDArray zerosLike(NDArray a) {
        return empty(a.dtype, a.shape);
    }

    /** {@code torch.ones_like(a)}. */
    public static NDArray onesLike(NDArray a) {
        return full(1, a.dtype, a.shape);
    }

    /** {@code torch.full_like(a, value)}. */
    public static NDArray fullLike(NDArray a, double value) {
        return full(value, a.dtype, a.shape);
    }

    /** {@code torch.empty_like(a)}. */
    public static NDArray emptyLike(NDArray a) {
        return empty(a.dtype, a.shape);
    }

    /** {@code torch.arange(end)} with an integer end: int64. */
    public static NDArray arange(long end) {
        return Creation.arange(0, end, 1, DType.INT64);
    }

    /** {@code torch.arange(start, end, step)} with integer arguments: int64. */
    public static NDArray arange(long start, long end, long step) {
        return Creation.arange(start, end, step, DType.INT64);
    }

    /** {@code torch.arange(start, end, step)} with float arguments: the default dtype. */
    public static NDArray arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.defaultFloat());
    }

    /** {@code torch.arange(start, end, step, dtype=dtype)}. */
    public static NDArray arange(double start, double end, double step, DType dtype) {
        return Creation.arange(start, end, step, dtype);
    }

    /** {@code torch.linspace(start, end, steps)} in the default dtype. */
    public static NDArray linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps, DType.defaultFloat());
    }

    /** {@code torch.linspace(start, end, steps, dtype=dtype)}. */
    public static NDArray linspace(double start, double end, int steps, DType dtype) {
        return Creation.linspace(start, end, steps, dtype);
    }

    /** {@code torch.eye(n)}. */
    public static NDArray eye(int n) {
        return Creation.eye(n, n, DType.defaultFloat());
    }

    /** {@code torch.eye(n, m, dtype=dtype)}. */
    public static NDArray eye(int n, int m, DType dtype) {
        return Creation.eye(n, m, dtype);
    }

    /** A 0-d tensor, {@code torch.tensor(v, dtype=dtype)}. */
    public static NDArray scalar(double v, DType dtype) {
        NDArray s = empty(dtype);
        Convert.setDouble(s.storage(), dtype, 0, v); // fill_'s cast, without its loop machinery (scalars are per-op)
        return s;
    }

    /** A 0-d float32 tensor, {@code torch.tensor(v)}. */
    public static NDArray scalar(double v) {
        return scalar(v, DType.defaultFloat());
    }

    /**
     * {@code torch.tensor(data)} from a Java array of any depth: {@code float} arrays give float32,
     * {@code double} float64, {@code long}/{@code int} int64, {@code boolean} bool. Ragged input
     * raises PyTorch's "expected sequence of length" error.
     */
    public static NDArray fromArray(Object nested) {
        return Convert.fromArray(nested);
    }

    /** A 1-d float32 tensor holding {@code values}. */
    public static NDArray of(float... values) {
        return Convert.fromArray(values);
    }

    /** Wraps {@code data} (not copied) as a contiguous array of {@code shape}. */
    public static NDArray wrap(float[] data, int... shape) {
        return wrapChecked(DType.FLOAT32, data, data.length, shape);
    }

    /** Wraps {@code data} (not copied) as a contiguous float64 array of {@code shape}. */
    public static NDArray wrap(double[] data, int... shape) {
        return wrapChecked(DType.FLOAT64, data, data.length, shape);
    }

    /** Wraps {@code data} (not copied) as a contiguous int64 array of {@code shape}. */
    public static NDArray wrap(long[] data, int... shape) {
        return wrapChecked(DType.INT64, data, data.length, shape);
    }

    /** Wraps {@code data} (0 or 1 each, not copied) as a contiguous bool array of {@code shape}. */
    public static NDArray wrapBool(byte[] data, int... shape) {
        return wrapChecked(DType.BOOL, data, data.length, shape);
    }

    private static NDArray wrapChecked(DType dtype, Object data, int length, int[] shape) {
        int[] s = Shape.of(shape).dims();
        if (Shapes.numel(s) != length) {
            throw new IllegalArgumentException("shape '" + Shapes.str(s) + "' is invalid for input of size " + length);
        }
        return new NDArray(dtype, data, s, Shapes.contiguousStrides(s), 0);
    }

    // ------------------------------------------------------------------ reading values

    /** The elements in row-major order as floats, {@code tensor.flatten().tolist()}. */
    public float[] toFloatArray() {
        return (float[]) contiguousAs(DType.FLOAT32);
    }

    /** The elements in row-major order as doubles. */
    public double[] toDoubleArray() {
        return (double[]) contiguousAs(DType.FLOAT64);
    }

    /** The elements in row-major order as longs (floats truncate toward zero). */
    public long[] toLongArray() {
        return (long[]) contiguousAs(DType.INT64);
    }

    /** The elements in row-major order as booleans (nonzero is true). */
    public boolean[] toBooleanArray() {
        byte[] b = (byte[]) contiguousAs(DType.BOOL);
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] != 0;
        }
        return out;
    }

    private Object contiguousAs(DType t) {
        NDArray c = empty(t, shape);
        Convert.copyInto(c, this);
        return c.data;
    }

    /** {@code tensor.item()} as a double; the tensor must have exactly one element. */
    public double item() {
        requireOneElement();
        return Convert.getDouble(data, dtype, offset);
    }

    /** {@code tensor.item()} for integer tensors, exact for all int64 values. */
    public long itemLong() {
        requireOneElement();
        return Convert.getLong(data, dtype, offset);
    }

    private void requireOneElement() {
        int n = numel();
        if (n != 1) {
            throw new IllegalArgumentException("a Tensor with " + n + " elements cannot be converted to Scalar");
        }
    }

    /** The element at {@code index} (one index per dim) as a double, {@code tensor[i, j].item()}. */
    public double getDouble(int... index) {
        return Convert.getDouble(data, dtype, storageIndex(index));
    }

    /** The element at {@code index} as a long. */
    public long getLong(int... index) {
        return Convert.getLong(data, dtype, storageIndex(index));
    }

    /** Writes {@code value} (cast to the dtype) at {@code index}, {@code tensor[i, j] = value}. */
    public NDArray set(double value, int... index) {
        Convert.setDouble(data, dtype, storageIndex(index), value);
        return this;
    }

    private int storageIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices for a tensor of shape "
                    + Shapes.str(shape) + ", got " + index.length);
        }
        int p = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d];
            if (i < -shape[d] || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + d
                        + " with size " + shape[d]);
            }
            p += (i < 0 ? i + shape[d] : i) * strides[d];
        }
        return p;
    }

    // ------------------------------------------------------------------ views (share storage)

    /** {@code tensor.view(*shape)}; one size may be -1. Fails when the strides do not allow it. */
    public NDArray view(int... shape) {
        return Views.view(this, shape);
    }

    /** {@code tensor.reshape(*shape)}: a view when possible, otherwise a copy (PyTorch's rule). */
    public NDArray reshape(int... shape) {
        return Views.reshape(this, shape);
    }

    /** {@code tensor.transpose(d0, d1)}. */
    public NDArray transpose(int d0, int d1) {
        return Views.transpose(this, d0, d1);
    }

    /** {@code tensor.permute(*dims)}. */
    public NDArray permute(int... dims) {
        return Views.permute(this, dims);
    }

    /** {@code tensor.t()} for tensors of at most 2 dims. */
    public NDArray t() {
        return Views.t(this);
    }

    /** {@code tensor.narrow(dim, start, length)}. */
    public NDArray narrow(int dim, int start, int length) {
        return Views.narrow(this, dim, start, length);
    }

    /** {@code tensor[..., start:end:step, ...]} on {@code dim}, with Python's clamping. */
    public NDArray slice(int dim, int start, int end, int step) {
        return Views.slice(this, dim, start, end, step);
    }

    /** {@code tensor[..., start:end, ...]} on {@code dim}. */
    public NDArray slice(int dim, int start, int end) {
        return Views.slice(this, dim, start, end, 1);
    }

    /** {@code tensor.select(dim, index)}: removes {@code dim}. */
    public NDArray select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    /** {@code tensor.expand(*sizes)}: broadcast with stride 0; -1 keeps a size. */
    public NDArray expand(int... sizes) {
        return Views.expand(this, sizes);
    }

    /** {@code tensor.expand_as(other)}. */
    public NDArray expandAs(NDArray other) {
        return Views.expand(this, other.shape);
    }

    /** {@code tensor.squeeze()}: drops every size-1 dim. */
    public NDArray squeeze() {
        return Views.squeeze(this);
    }

    /** {@code tensor.squeeze(dim)}. */
    public NDArray squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    /** {@code tensor.unsqueeze(dim)}. */
    public NDArray unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    /** {@code tensor.flatten()}. */
    public NDArray flatten() {
        return Views.flatten(this, 0, -1);
    }

    /** {@code tensor.flatten(start_dim, end_dim)}. */
    public NDArray flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    /** {@code tensor.unflatten(dim, sizes)}. */
    public NDArray unflatten(int dim, int... sizes) {
        return Views.unflatten(this, dim, sizes);
    }

    /**
     * {@code torch.as_strided(self, size, stride, storage_offset)}: a view of this array's storage
     * with any sizes, strides and (absolute) storage offset that stay inside the storage.
     */
    public NDArray asStrided(int[] size, int[] stride, int storageOffset) {
        return Views.asStrided(this, size, stride, storageOffset);
    }

    /** {@code tensor.contiguous()}: this array when already contiguous, else a row-major copy. */
    public NDArray contiguous() {
        return isContiguous() ? this : clone();
    }

    /** {@code tensor.sum_to_size(*size)}: sums broadcast dims so the result has {@code size}. */
    public NDArray sumToSize(int... size) {
        return SumToSize.sumToSize(this, size);
    }

    // ------------------------------------------------------------------ copies and in-place fills

    /** {@code tensor.clone()}: a contiguous copy (PyTorch's default preserve_format gives the same values). */
    @Override
    public NDArray clone() {
        if (Elementwise.rowMajor(this)) {
            // one row: the copy copyInto would make, without its shape checks and index arrays
            // (an empty view's offset may lie past the end of its storage: arraycopy rejects it even for length 0)
            NDArray c = emptyRowMajorLike(dtype);
            int n = Shapes.numel(shape);
            if (n > 0) {
                System.arraycopy(data, offset, c.data, 0, n);
            }
            return c;
        }
        NDArray c = empty(dtype, shape);
        Convert.copyInto(c, this);
        return c;
    }

    /** {@code tensor.to(dtype)}: this array when the dtype already matches, else a converted copy. */
    public NDArray to(DType target) {
        if (target == dtype) {
            return this;
        }
        NDArray c = empty(target, shape);
        Convert.copyInto(c, this);
        return c;
    }

    /** {@code tensor.copy_(src)}: copies {@code src} broadcast to this shape, casting dtype. */
    public NDArray copy_(NDArray src) {
        Overlap.checkNoInternalOverlap(this);
        Convert.copyInto(this, src.data == data ? src.clone() : src);
        return this;
    }

    /** {@code tensor.fill_(value)}. */
    public NDArray fill_(double value) {
        Creation.fill(this, value);
        return this;
    }

    /** {@code tensor.zero_()}. */
    public NDArray zero_() {
        return fill_(0);
    }

    // ------------------------------------------------------------------ elementwise (Elementwise.java)
    // Arithmetic.java, UnaryOps.java, Comparisons.java, PointwiseOps.java. A double scalar acts as
    // a Python float, a long scalar as a Python int (int64 tensors stay int64).

    /** {@code torch.add(self, other)}: broadcasting and type promotion. */
    public NDArray add(NDArray other) { return Arithmetic.add(this, other, 1L); }

    /** {@code torch.add(self, other, alpha=alpha)} = {@code self + alpha*other}, fused as PyTorch's CPU kernel. */
    public NDArray add(NDArray other, double alpha) { return Arithmetic.add(this, other, alpha); }

    /** {@code torch.add(self, other, alpha=alpha)} with an integral alpha. */
    public NDArray add(NDArray other, long alpha) { return Arithmetic.add(this, other, alpha); }

    /** {@code self + other} with a Python float. */
    public NDArray add(double other) { return Arithmetic.add(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code self + other} with a Python int. */
    public NDArray add(long other) { return Arithmetic.add(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code self.add_(other)}. */
    public NDArray add_(NDArray other) { return Arithmetic.add_(this, other, 1L); }

    /** {@code self.add_(other, alpha=alpha)}: the optimizers' {@code p.add_(g, alpha=-lr)}. */
    public NDArray add_(NDArray other, double alpha) { return Arithmetic.add_(this, other, alpha); }

    /** {@code self.add_(other, alpha=alpha)} with an integral alpha. */
    public NDArray add_(NDArray other, long alpha) { return Arithmetic.add_(this, other, alpha); }

    /** {@code self += other} with a Python float. */
    public NDArray add_(double other) { return Arithmetic.add_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code self += other} with a Python int. */
    public NDArray add_(long other) { return Arithmetic.add_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code torch.sub(self, other)}; bool operands raise PyTorch's error. */
    public NDArray sub(NDArray other) { return Arithmetic.sub(this, other, 1L); }

    /** {@code torch.sub(self, other, alpha=alpha)} = {@code self - alpha*other}. */
    public NDArray sub(NDArray other, double alpha) { return Arithmetic.sub(this, other, alpha); }

    /** {@code torch.sub(self, other, alpha=alpha)} with an integral alpha. */
    public NDArray sub(NDArray other, long alpha) { return Arithmetic.sub(this, other, alpha); }

    /** {@code self - other} with a Python float. */
    public NDArray sub(double other) { return Arithmetic.sub(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code self - other} with a Python int. */
    public NDArray sub(long other) { return Arithmetic.sub(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code self.sub_(other)}. */
    public NDArray sub_(NDArray other) { return Arithmetic.sub_(this, other, 1L); }

    /** {@code self.sub_(other, alpha=alpha)}. */
    public NDArray sub_(NDArray other, double alpha) { return Arithmetic.sub_(this, other, alpha); }

    /** {@code self.sub_(other, alpha=alpha)} with an integral alpha. */
    public NDArray sub_(NDArray other, long alpha) { return Arithmetic.sub_(this, other, alpha); }

    /** {@code self -= other} with a Python float. */
    public NDArray sub_(double other) { return Arithmetic.sub_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code self -= other} with a Python int. */
    public NDArray sub_(long other) { return Arithmetic.sub_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), 1L); }

    /** {@code torch.mul(self, other)}; bool times bool is logical and. */
    public NDArray mul(NDArray other) { return Arithmetic.mul(this, other); }

    /** {@code self * other} with a Python float. */
    public NDArray mul(double other) { return Arithmetic.mul(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code self * other} with a Python int. */
    public NDArray mul(long other) { return Arithmetic.mul(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code self.mul_(other)}. */
    public NDArray mul_(NDArray other) { return Arithmetic.mul_(this, other); }

    /** {@code self *= other} with a Python float. */
    public NDArray mul_(double other) { return Arithmetic.mul_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code self *= other} with a Python int. */
    public NDArray mul_(long other) { return Arithmetic.mul_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code torch.div(self, other)}: true division, integers give the default float. */
    public NDArray div(NDArray other) { return Arithmetic.div(this, other); }

    /** {@code self / other} with a Python float: division by the scalar rounded to the dtype. */
    public NDArray div(double other) { return Arithmetic.div(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code self / other} with a Python int. */
    public NDArray div(long other) { return Arithmetic.div(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code torch.div(self, other, rounding_mode=mode)}: null, {@code "trunc"} or {@code "floor"} (Python's {@code //}). */
    public NDArray div(NDArray other, String roundingMode) { return Arithmetic.div(this, other, roundingMode); }

    /** {@code torch.div(self, other, rounding_mode=mode)} with a Python float. */
    public NDArray div(double other, String roundingMode) {
        return Arithmetic.div(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), roundingMode);
    }

    /** {@code torch.div(self, other, rounding_mode=mode)} with a Python int. */
    public NDArray div(long other, String roundingMode) {
        return Arithmetic.div(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other)), roundingMode);
    }

    /** {@code self.div_(other)}. */
    public NDArray div_(NDArray other) { return Arithmetic.div_(this, other); }

    /** {@code self /= other} with a Python float. */
    public NDArray div_(double other) { return Arithmetic.div_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code self /= other} with a Python int. */
    public NDArray div_(long other) { return Arithmetic.div_(this, Elementwise.scalar(other, Arithmetic.typeOf(this, other))); }

    /** {@code self.div_(other, rounding_mode=mode)}. */
    public NDArray div_(NDArray other, String roundingMode) { return Arithmetic.div_(this, other, roundingMode); }

    /** {@code torch.pow(self, exponent)} with a tensor exponent. */
    public NDArray pow(NDArray exponent) { return Arithmetic.pow(this, exponent); }

    /** {@code torch.pow(self, exponent)}, float exponent; 0.5, -0.5, -1, 2, 3, -2 take PyTorch's special kernels. */
    public NDArray pow(double exponent) { return Arithmetic.pow(this, exponent); }

    /** {@code torch.pow(self, exponent)}, integral exponent: int64 stays int64 (negative exponents raise). */
    public NDArray pow(long exponent) { return Arithmetic.pow(this, exponent); }

    /** {@code self.pow_(exponent)}. */
    public NDArray pow_(NDArray exponent) { return Arithmetic.pow_(this, exponent); }

    /** {@code self.pow_(exponent)} with a float exponent. */
    public NDArray pow_(double exponent) { return Arithmetic.pow_(this, exponent); }

    /** {@code self.pow_(exponent)} with an integral exponent. */
    public NDArray pow_(long exponent) { return Arithmetic.pow_(this, exponent); }

    /** {@code torch.pow(self, exponent)} with a Python-number base ({@code Double} = float, else int). */
    public static NDArray pow(Number self, NDArray exponent) { return Arithmetic.pow(self, exponent); }

    /** {@code torch.square(self)} = {@code pow(self, 2)}: bool gives int64. */
    public NDArray square() { return Arithmetic.pow(this, 2L); }

    /** {@code self.square_()}. */
    public NDArray square_() { return Arithmetic.pow_(this, 2L); }

    /** {@code torch.maximum(self, other)}: NaN-propagating elementwise maximum. */
    public NDArray maximum(NDArray other) { return Arithmetic.maximum(this, other); }

    /** {@code torch.minimum(self, other)}: NaN-propagating elementwise minimum. */
    public NDArray minimum(NDArray other) { return Arithmetic.minimum(this, other); }

    /** {@code torch.remainder(self, other)}: Python's {@code %}, the sign of the divisor. */
    public NDArray remainder(NDArray other) { return Arithmetic.modulo(BinaryOp.REMAINDER, this, other, Arithmetic.typeOf(this, other)); }

    /** {@code torch.remainder(self, other)} with a Python float. */
    public NDArray remainder(double other) {
        DType t = Arithmetic.typeOf(this, other);
        return Arithmetic.modulo(BinaryOp.REMAINDER, this, Elementwise.scalar(other, t), t);
    }

    /** {@code torch.remainder(self, other)} with a Python int. */
    public NDArray remainder(long other) {
        DType t = Arithmetic.typeOf(this, other);
        return Arithmetic.modulo(BinaryOp.REMAINDER, this, Elementwise.scalar(other, t), t);
    }

    /** {@code self.remainder_(other)}. */
    public NDArray remainder_(NDArray other) { return Arithmetic.modulo_(BinaryOp.REMAINDER, this, other, Arithmetic.typeOf(this, other)); }

    /** {@code torch.fmod(self, other)}: C's fmod, the sign of the dividend. */
    public NDArray fmod(NDArray other) { return Arithmetic.modulo(BinaryOp.FMOD, this, other, Arithmetic.typeOf(this, other)); }

    /** {@code torch.fmod(self, other)} with a Python float. */
    public NDArray fmod(double other) {
        DType t = Arithmetic.typeOf(this, other);
        return Arithmetic.modulo(BinaryOp.FMOD, this, Elementwise.scalar(other, t), t);
    }

    /** {@code torch.fmod(self, other)} with a Python int. */
    public NDArray fmod(long other) {
        DType t = Arithmetic.typeOf(this, other);
        return Arithmetic.modulo(BinaryOp.FMOD, this, Elementwise.scalar(other, t), t);
    }

    /** {@code self.fmod_(other)}. */
    public NDArray fmod_(NDArray other) { return Arithmetic.modulo_(BinaryOp.FMOD, this, other, Arithmetic.typeOf(this, other)); }

    /** {@code torch.atan2(self, other)}: integers give the default float. */
    public NDArray atan2(NDArray other) { return Arithmetic.atan2(this, other); }

    /** {@code torch.neg}; raises PyTorch's error on bool. */
    public NDArray neg() { return UnaryOps.apply(UnaryOp.NEG, this); }

    /** {@code self.neg_()}. */
    public NDArray neg_() { return UnaryOps.apply_(UnaryOp.NEG, this); }

    /** {@code torch.abs}. */
    public NDArray abs() { return UnaryOps.apply(UnaryOp.ABS, this); }

    /** {@code self.abs_()}. */
    public NDArray abs_() { return UnaryOps.apply_(UnaryOp.ABS, this); }

    /** {@code torch.sign}: -1, 0 or 1; NaN gives 0 as on PyTorch's CPU. */
    public NDArray sign() { return UnaryOps.apply(UnaryOp.SIGN, this); }

    /** {@code torch.relu} = {@code clamp_min(self, 0)}: NaN and -0.0 pass through. */
    public NDArray relu() { return UnaryOps.apply(UnaryOp.RELU, this); }

    /** {@code self.relu_()}. */
    public NDArray relu_() { return UnaryOps.apply_(UnaryOp.RELU, this); }

    /** {@code torch.floor}; integers are copied. */
    public NDArray floor() { return UnaryOps.apply(UnaryOp.FLOOR, this); }

    /** {@code self.floor_()}. */
    public NDArray floor_() { return UnaryOps.apply_(UnaryOp.FLOOR, this); }

    /** {@code torch.ceil}; integers are copied. */
    public NDArray ceil() { return UnaryOps.apply(UnaryOp.CEIL, this); }

    /** {@code self.ceil_()}. */
    public NDArray ceil_() { return UnaryOps.apply_(UnaryOp.CEIL, this); }

    /** {@code torch.trunc}; integers are copied. */
    public NDArray trunc() { return UnaryOps.apply(UnaryOp.TRUNC, this); }

    /** {@code self.trunc_()}. */
    public NDArray trunc_() { return UnaryOps.apply_(UnaryOp.TRUNC, this); }

    /** {@code torch.round}: half to even; integers are copied. */
    public NDArray round() { return UnaryOps.apply(UnaryOp.ROUND, this); }

    /** {@code self.round_()}. */
    public NDArray round_() { return UnaryOps.apply_(UnaryOp.ROUND, this); }

    /** {@code torch.round(self, decimals=decimals)}: {@code rint(x * 10^d) / 10^d} in the dtype (floats only unless 0). */
    public NDArray round(int decimals) { return UnaryOps.round(this, decimals); }

    /** {@code self.round_(decimals=decimals)}. */
    public NDArray round_(int decimals) { return UnaryOps.round_(this, decimals); }

    /** {@code torch.exp}; integers give the default float. */
    public NDArray exp() { return UnaryOps.apply(UnaryOp.EXP, this); }

    /** {@code self.exp_()}. */
    public NDArray exp_() { return UnaryOps.apply_(UnaryOp.EXP, this); }

    /** {@code torch.exp2}. */
    public NDArray exp2() { return UnaryOps.apply(UnaryOp.EXP2, this); }

    /** {@code torch.expm1}. */
    public NDArray expm1() { return UnaryOps.apply(UnaryOp.EXPM1, this); }

    /** {@code torch.log}. */
    public NDArray log() { return UnaryOps.apply(UnaryOp.LOG, this); }

    /** {@code self.log_()}. */
    public NDArray log_() { return UnaryOps.apply_(UnaryOp.LOG, this); }

    /** {@code torch.log2}. */
    public NDArray log2() { return UnaryOps.apply(UnaryOp.LOG2, this); }

    /** {@code torch.log10}. */
    public NDArray log10() { return UnaryOps.apply(UnaryOp.LOG10, this); }

    /** {@code torch.log1p}. */
    public NDArray log1p() { return UnaryOps.apply(UnaryOp.LOG1P, this); }

    /** {@code torch.sqrt} (IEEE, correctly rounded). */
    public NDArray sqrt() { return UnaryOps.apply(UnaryOp.SQRT, this); }

    /** {@code self.sqrt_()}. */
    public NDArray sqrt_() { return UnaryOps.apply_(UnaryOp.SQRT, this); }

    /** {@code torch.rsqrt} = {@code 1 / sqrt(self)}. */
    public NDArray rsqrt() { return UnaryOps.apply(UnaryOp.RSQRT, this); }

    /** {@code self.rsqrt_()}. */
    public NDArray rsqrt_() { return UnaryOps.apply_(UnaryOp.RSQRT, this); }

    /** {@code torch.reciprocal} = {@code 1 / self}. */
    public NDArray reciprocal() { return UnaryOps.apply(UnaryOp.RECIPROCAL, this); }

    /** {@code self.reciprocal_()}. */
    public NDArray reciprocal_() { return UnaryOps.apply_(UnaryOp.RECIPROCAL, this); }

    /** {@code torch.sin}. */
    public NDArray sin() { return UnaryOps.apply(UnaryOp.SIN, this); }

    /** {@code torch.cos}. */
    public NDArray cos() { return UnaryOps.apply(UnaryOp.COS, this); }

    /** {@code torch.tan}. */
    public NDArray tan() { return UnaryOps.apply(UnaryOp.TAN, this); }

    /** {@code torch.tanh}. */
    public NDArray tanh() { return UnaryOps.apply(UnaryOp.TANH, this); }

    /** {@code self.tanh_()}. */
    public NDArray tanh_() { return UnaryOps.apply_(UnaryOp.TANH, this); }

    /** {@code torch.sigmoid} = {@code 1 / (1 + exp(-self))}. */
    public NDArray sigmoid() { return UnaryOps.apply(UnaryOp.SIGMOID, this); }

    /** {@code self.sigmoid_()}. */
    public NDArray sigmoid_() { return UnaryOps.apply_(UnaryOp.SIGMOID, this); }

    /** {@code torch.erf} (fdlibm's, within 1 ulp; see {@code Erf}). */
    public NDArray erf() { return UnaryOps.apply(UnaryOp.ERF, this); }

    /** {@code F.gelu(self)}: {@code x * 0.5 * (1 + erf(x / sqrt(2)))}; floating dtypes only. */
    public NDArray gelu() { return UnaryOps.apply(UnaryOp.GELU, this); }

    /** {@code F.gelu(self, approximate=approximate)}: {@code "none"} or {@code "tanh"}. */
    public NDArray gelu(String approximate) { return UnaryOps.apply(UnaryOps.geluOp(approximate), this); }

    /** {@code F.silu(self)} = {@code x / (1 + exp(-x))}. */
    public NDArray silu() { return UnaryOps.apply(UnaryOp.SILU, this); }

    /** {@code F.softplus(self)} with beta = 1, threshold = 20. */
    public NDArray softplus() { return UnaryOps.apply(UnaryOp.SOFTPLUS, this, 1, 20); }

    /** {@code F.softplus(self, beta, threshold)}: {@code x*beta > threshold ? x : log1p(exp(x*beta)) / beta}. */
    public NDArray softplus(double beta, double threshold) { return UnaryOps.apply(UnaryOp.SOFTPLUS, this, beta, threshold); }

    /** {@code F.leaky_relu(self)} with negative_slope = 0.01. */
    public NDArray leakyRelu() { return UnaryOps.apply(UnaryOp.LEAKY_RELU, this, 0.01, 0); }

    /** {@code F.leaky_relu(self, negative_slope)}. */
    public NDArray leakyRelu(double negativeSlope) { return UnaryOps.apply(UnaryOp.LEAKY_RELU, this, negativeSlope, 0); }

    /** {@code F.leaky_relu_(self, negative_slope)}. */
    public NDArray leakyRelu_(double negativeSlope) { return UnaryOps.apply_(UnaryOp.LEAKY_RELU, this, negativeSlope, 0); }

    /** {@code F.elu(self)} with alpha = 1. */
    public NDArray elu() { return UnaryOps.apply(UnaryOp.ELU, this, 1, 0); }

    /** {@code F.elu(self, alpha)}: {@code x > 0 ? x : alpha * expm1(x)}. */
    public NDArray elu(double alpha) { return UnaryOps.apply(UnaryOp.ELU, this, alpha, 0); }

    /**
     * {@code torch.clamp(self, min, max)}; either bound may be null (not both). Bounds are Python
     * numbers: {@code Double}/{@code Float} act as floats and promote integer tensors, other
     * {@code Number}s as ints. Two bounds with a NaN give NaN; {@code min > max} gives max.
     */
    public NDArray clamp(Number min, Number max) { return UnaryOps.clamp(null, this, min, max, false); }

    /** {@code self.clamp_(min, max)}: no type promotion in place. */
    public NDArray clamp_(Number min, Number max) { return UnaryOps.clamp(this, this, min, max, false); }

    /** {@code torch.clamp(self, min, max)} with tensor bounds (either may be null), broadcasting. */
    public NDArray clamp(NDArray min, NDArray max) { return UnaryOps.clamp(this, min, max); }

    /** {@code torch.clamp_min(self, min)}: a NaN bound gives NaN. */
    public NDArray clampMin(Number min) { return UnaryOps.clamp(null, this, min, null, true); }

    /** {@code self.clamp_min_(min)}. */
    public NDArray clampMin_(Number min) { return UnaryOps.clamp(this, this, min, null, true); }

    /** {@code torch.clamp_max(self, max)}: a NaN bound gives NaN. */
    public NDArray clampMax(Number max) { return UnaryOps.clamp(null, this, null, max, true); }

    /** {@code self.clamp_max_(max)}. */
    public NDArray clampMax_(Number max) { return UnaryOps.clamp(this, this, null, max, true); }

    /** {@code torch.eq(self, other)}: bool, compared in the promoted dtype. */
    public NDArray eq(NDArray other) { return Comparisons.compare(CompareOp.EQ, this, other); }

    /** {@code self == other} with a Python float. */
    public NDArray eq(double other) { return Comparisons.compare(CompareOp.EQ, this, other); }

    /** {@code self == other} with a Python int. */
    public NDArray eq(long other) { return Comparisons.compare(CompareOp.EQ, this, other); }

    /** {@code torch.ne(self, other)}. */
    public NDArray ne(NDArray other) { return Comparisons.compare(CompareOp.NE, this, other); }

    /** {@code self != other} with a Python float. */
    public NDArray ne(double other) { return Comparisons.compare(CompareOp.NE, this, other); }

    /** {@code self != other} with a Python int. */
    public NDArray ne(long other) { return Comparisons.compare(CompareOp.NE, this, other); }

    /** {@code torch.lt(self, other)}. */
    public NDArray lt(NDArray other) { return Comparisons.compare(CompareOp.LT, this, other); }

    /** {@code self < other} with a Python float. */
    public NDArray lt(double other) { return Comparisons.compare(CompareOp.LT, this, other); }

    /** {@code self < other} with a Python int. */
    public NDArray lt(long other) { return Comparisons.compare(CompareOp.LT, this, other); }

    /** {@code torch.le(self, other)}. */
    public NDArray le(NDArray other) { return Comparisons.compare(CompareOp.LE, this, other); }

    /** {@code self <= other} with a Python float. */
    public NDArray le(double other) { return Comparisons.compare(CompareOp.LE, this, other); }

    /** {@code self <= other} with a Python int. */
    public NDArray le(long other) { return Comparisons.compare(CompareOp.LE, this, other); }

    /** {@code torch.gt(self, other)}. */
    public NDArray gt(NDArray other) { return Comparisons.compare(CompareOp.GT, this, other); }

    /** {@code self > other} with a Python float. */
    public NDArray gt(double other) { return Comparisons.compare(CompareOp.GT, this, other); }

    /** {@code self > other} with a Python int. */
    public NDArray gt(long other) { return Comparisons.compare(CompareOp.GT, this, other); }

    /** {@code torch.ge(self, other)}. */
    public NDArray ge(NDArray other) { return Comparisons.compare(CompareOp.GE, this, other); }

    /** {@code self >= other} with a Python float. */
    public NDArray ge(double other) { return Comparisons.compare(CompareOp.GE, this, other); }

    /** {@code self >= other} with a Python int. */
    public NDArray ge(long other) { return Comparisons.compare(CompareOp.GE, this, other); }

    /** {@code torch.logical_and(self, other)}: bool; nonzero (NaN included) is true. */
    public NDArray logicalAnd(NDArray other) { return Comparisons.logical(Comparisons.Logical.AND, this, other); }

    /** {@code torch.logical_or(self, other)}. */
    public NDArray logicalOr(NDArray other) { return Comparisons.logical(Comparisons.Logical.OR, this, other); }

    /** {@code torch.logical_xor(self, other)}. */
    public NDArray logicalXor(NDArray other) { return Comparisons.logical(Comparisons.Logical.XOR, this, other); }

    /** {@code torch.logical_not(self)}. */
    public NDArray logicalNot() { return Comparisons.logicalNot(this); }

    /** {@code torch.isnan(self)}. */
    public NDArray isnan() { return Comparisons.classify(Comparisons.Classify.NAN, this); }

    /** {@code torch.isinf(self)}. */
    public NDArray isinf() { return Comparisons.classify(Comparisons.Classify.INF, this); }

    /** {@code torch.isfinite(self)}. */
    public NDArray isfinite() { return Comparisons.classify(Comparisons.Classify.FINITE, this); }

    /** {@code torch.where(condition, input, other)}: condition bool; the branches promote; all broadcast. */
    public static NDArray where(NDArray condition, NDArray input, NDArray other) { return Comparisons.where(condition, input, other); }

    /** {@code torch.where(condition, input, other)} with a Python-number {@code other} ({@code Double} = float). */
    public static NDArray where(NDArray condition, NDArray input, Number other) { return Comparisons.where(condition, input, other); }

    /** {@code torch.where(condition, input, other)} with a Python-number {@code input}. */
    public static NDArray where(NDArray condition, Number input, NDArray other) { return Comparisons.where(condition, input, other); }

    /** {@code torch.where(condition, input, other)} with two Python numbers: int64 for two ints. */
    public static NDArray where(NDArray condition, Number input, Number other) { return Comparisons.where(condition, input, other); }

    /** {@code self.masked_fill(mask, value)}: broadcast shape of self and mask, self's dtype. */
    public NDArray maskedFill(NDArray mask, double value) { return Comparisons.maskedFill(this, mask, value); }

    /** {@code self.masked_fill(mask, value)} with an integral value (exact for int64). */
    public NDArray maskedFill(NDArray mask, long value) { return Comparisons.maskedFill(this, mask, value); }

    /** {@code self.masked_fill(mask, value)} with a 0-d tensor value. */
    public NDArray maskedFill(NDArray mask, NDArray value) { return Comparisons.maskedFill(this, mask, Comparisons.value(value)); }

    /** {@code self.masked_fill_(mask, value)}: the mask broadcasts to self's shape. */
    public NDArray maskedFill_(NDArray mask, double value) { return Comparisons.maskedFill_(this, mask, value); }

    /** {@code self.masked_fill_(mask, value)} with an integral value. */
    public NDArray maskedFill_(NDArray mask, long value) { return Comparisons.maskedFill_(this, mask, value); }

    /** {@code self.masked_fill_(mask, value)} with a 0-d tensor value. */
    public NDArray maskedFill_(NDArray mask, NDArray value) { return Comparisons.maskedFill_(this, mask, Comparisons.value(value)); }

    /** {@code torch.addcmul(self, tensor1, tensor2)} = {@code self + tensor1*tensor2}. */
    public NDArray addcmul(NDArray tensor1, NDArray tensor2) { return PointwiseOps.addc(TernaryOp.ADDCMUL, this, tensor1, tensor2, 1); }

    /** {@code torch.addcmul(self, t1, t2, value=v)} = {@code self + (v*t1)*t2}, the add fused as in PyTorch. */
    public NDArray addcmul(NDArray tensor1, NDArray tensor2, double value) {
        return PointwiseOps.addc(TernaryOp.ADDCMUL, this, tensor1, tensor2, value);
    }

    /** {@code self.addcmul_(t1, t2, value=v)}: Adam's {@code exp_avg_sq.addcmul_(g, g, value=1-beta2)}. */
    public NDArray addcmul_(NDArray tensor1, NDArray tensor2, double value) {
        return PointwiseOps.addc_(TernaryOp.ADDCMUL, this, tensor1, tensor2, value);
    }

    /** {@code torch.addcdiv(self, tensor1, tensor2)} = {@code self + tensor1/tensor2}. */
    public NDArray addcdiv(NDArray tensor1, NDArray tensor2) { return PointwiseOps.addc(TernaryOp.ADDCDIV, this, tensor1, tensor2, 1); }

    /** {@code torch.addcdiv(self, t1, t2, value=v)} = {@code self + (v*t1)/t2}; integer t1 and t2 raise. */
    public NDArray addcdiv(NDArray tensor1, NDArray tensor2, double value) {
        return PointwiseOps.addc(TernaryOp.ADDCDIV, this, tensor1, tensor2, value);
    }

    /** {@code self.addcdiv_(t1, t2, value=v)}: Adam's {@code p.addcdiv_(exp_avg, denom, value=-step_size)}. */
    public NDArray addcdiv_(NDArray tensor1, NDArray tensor2, double value) {
        return PointwiseOps.addc_(TernaryOp.ADDCDIV, this, tensor1, tensor2, value);
    }

    /** {@code torch.lerp(self, end, weight)}: end must have self's floating dtype. */
    public NDArray lerp(NDArray end, double weight) { return PointwiseOps.lerp(this, end, weight); }

    /** {@code torch.lerp(self, end, weight)} with a tensor weight of self's dtype. */
    public NDArray lerp(NDArray end, NDArray weight) { return PointwiseOps.lerp(this, end, weight); }

    /** {@code self.lerp_(end, weight)}: Adam's {@code exp_avg.lerp_(grad, 1-beta1)}. */
    public NDArray lerp_(NDArray end, double weight) { return PointwiseOps.lerp_(this, end, weight); }

    /** {@code self.lerp_(end, weight)} with a tensor weight. */
    public NDArray lerp_(NDArray end, NDArray weight) { return PointwiseOps.lerp_(this, end, weight); }

    // ------------------------------------------------------------------ end of elementwise

    // ------------------------------------------------------------------ reductions (Reductions.java)
    // Dims may be negative; a repeated dim raises PyTorch's "dim 0 appears multiple times in the
    // list of dims". Files: Reductions, Statistics (var, std, logsumexp, norm), Softmax, Cumulative.

    /** {@code torch.sum(input)}: a 0-d sum; int64 and bool inputs sum to int64, floats keep their dtype. */
    public NDArray sum() {
        return Reductions.sum(this, null, false);
    }

    /** {@code torch.sum(input, dim)} over {@code dims}; no dims reduces every dim. */
    public NDArray sum(int... dims) {
        return Reductions.sum(this, dims, false);
    }

    /** {@code torch.sum(input, dim, keepdim)}. */
    public NDArray sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    /** {@code torch.sum(input, dim, keepdim)} over one dim. */
    public NDArray sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    /** {@code torch.mean(input)}: floating dtypes only; the mean of an empty array is NaN. */
    public NDArray mean() {
        return Reductions.mean(this, null, false);
    }

    /** {@code torch.mean(input, dim)} over {@code dims}; no dims reduces every dim. */
    public NDArray mean(int... dims) {
        return Reductions.mean(this, dims, false);
    }

    /** {@code torch.mean(input, dim, keepdim)}. */
    public NDArray mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    /** {@code torch.mean(input, dim, keepdim)} over one dim. */
    public NDArray mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    /** {@code torch.prod(input)}: a 0-d product (1 for an empty array); int64 and bool give int64. */
    public NDArray prod() {
        return Reductions.prod(this, null, false);
    }

    /** {@code torch.prod(input, dim)}. */
    public NDArray prod(int dim) {
        return Reductions.prod(this, dim, false);
    }

    /** {@code torch.prod(input, dim, keepdim)}. */
    public NDArray prod(int dim, boolean keepdim) {
        return Reductions.prod(this, dim, keepdim);
    }

    /** {@code torch.amax(input, dim)}: the maximum over {@code dims} (all when none); NaN propagates. */
    public NDArray amax(int... dims) {
        return Reductions.amaxAmin(this, dims, false, true);
    }

    /** {@code torch.amax(input, dim, keepdim)}. */
    public NDArray amax(int[] dims, boolean keepdim) {
        return Reductions.amaxAmin(this, dims, keepdim, true);
    }

    /** {@code torch.amin(input, dim)}: the minimum over {@code dims} (all when none); NaN propagates. */
    public NDArray amin(int... dims) {
        return Reductions.amaxAmin(this, dims, false, false);
    }

    /** {@code torch.amin(input, dim, keepdim)}. */
    public NDArray amin(int[] dims, boolean keepdim) {
        return Reductions.amaxAmin(this, dims, keepdim, false);
    }

    /** {@code torch.max(input)}: the 0-d maximum (NaN if any element is NaN); raises on an empty array. */
    public NDArray max() {
        return Reductions.maxMinAll(this, true);
    }

    /** {@code torch.max(input, dim)}: values and the index of the first maximum (or first NaN). */
    public ValuesIndices max(int dim) {
        return Reductions.maxMinDim(this, dim, false, true);
    }

    /** {@code torch.max(input, dim, keepdim)}. */
    public ValuesIndices max(int dim, boolean keepdim) {
        return Reductions.maxMinDim(this, dim, keepdim, true);
    }

    /** {@code torch.min(input)}: the 0-d minimum (NaN if any element is NaN); raises on an empty array. */
    public NDArray min() {
        return Reductions.maxMinAll(this, false);
    }

    /** {@code torch.min(input, dim)}: values and the index of the first minimum (or first NaN). */
    public ValuesIndices min(int dim) {
        return Reductions.maxMinDim(this, dim, false, false);
    }

    /** {@code torch.min(input, dim, keepdim)}. */
    public ValuesIndices min(int dim, boolean keepdim) {
        return Reductions.maxMinDim(this, dim, keepdim, false);
    }

    /** {@code torch.argmax(input)}: the int64 index of the first maximum in the flattened array. */
    public NDArray argmax() {
        return Reductions.argMaxMin(this, null, false, true);
    }

    /** {@code torch.argmax(input, dim)}. */
    public NDArray argmax(int dim) {
        return Reductions.argMaxMin(this, dim, false, true);
    }

    /** {@code torch.argmax(input, dim, keepdim)}. */
    public NDArray argmax(int dim, boolean keepdim) {
        return Reductions.argMaxMin(this, dim, keepdim, true);
    }

    /** {@code torch.argmin(input)}: the int64 index of the first minimum in the flattened array. */
    public NDArray argmin() {
        return Reductions.argMaxMin(this, null, false, false);
    }

    /** {@code torch.argmin(input, dim)}. */
    public NDArray argmin(int dim) {
        return Reductions.argMaxMin(this, dim, false, false);
    }

    /** {@code torch.argmin(input, dim, keepdim)}. */
    public NDArray argmin(int dim, boolean keepdim) {
        return Reductions.argMaxMin(this, dim, keepdim, false);
    }

    /** {@code torch.var(input)}: the unbiased (correction 1) variance of all elements. */
    public NDArray var() {
        return Statistics.varStd(this, null, 1, false, false);
    }

    /** {@code torch.var(input, unbiased)}: correction 1 when unbiased, else 0. */
    public NDArray var(boolean unbiased) {
        return Statistics.varStd(this, null, unbiased ? 1 : 0, false, false);
    }

    /** {@code torch.var(input, dim)} with correction 1; no dims reduces every dim. */
    public NDArray var(int... dims) {
        return Statistics.varStd(this, dims, 1, false, false);
    }

    /** {@code torch.var(input, dim, correction=correction, keepdim=keepdim)}; {@code dims} null or empty means all. */
    public NDArray var(int[] dims, double correction, boolean keepdim) {
        return Statistics.varStd(this, dims, correction, keepdim, false);
    }

    /** {@code torch.var(input, dim, unbiased, keepdim)}. */
    public NDArray var(int[] dims, boolean unbiased, boolean keepdim) {
        return Statistics.varStd(this, dims, unbiased ? 1 : 0, keepdim, false);
    }

    /** {@code torch.std(input)}: the square root of {@link #var()}. */
    public NDArray std() {
        return Statistics.varStd(this, null, 1, false, true);
    }

    /** {@code torch.std(input, unbiased)}. */
    public NDArray std(boolean unbiased) {
        return Statistics.varStd(this, null, unbiased ? 1 : 0, false, true);
    }

    /** {@code torch.std(input, dim)} with correction 1. */
    public NDArray std(int... dims) {
        return Statistics.varStd(this, dims, 1, false, true);
    }

    /** {@code torch.std(input, dim, correction=correction, keepdim=keepdim)}. */
    public NDArray std(int[] dims, double correction, boolean keepdim) {
        return Statistics.varStd(this, dims, correction, keepdim, true);
    }

    /** {@code torch.std(input, dim, unbiased, keepdim)}. */
    public NDArray std(int[] dims, boolean unbiased, boolean keepdim) {
        return Statistics.varStd(this, dims, unbiased ? 1 : 0, keepdim, true);
    }

    /**
     * {@code torch.logsumexp(input, dim)}: stable {@code log(sum(exp(x)))}; integer inputs give the
     * default float. No dims is PyTorch's {@code dim=()}, which PyTorch rejects for rank > 0.
     */
    public NDArray logsumexp(int... dims) {
        return Statistics.logSumExp(this, dims, false);
    }

    /** {@code torch.logsumexp(input, dim, keepdim)}; {@code dims == null} reduces every dim. */
    public NDArray logsumexp(int[] dims, boolean keepdim) {
        return Statistics.logSumExp(this, dims, keepdim);
    }

    /** {@code torch.norm(input)}: the 2-norm of all elements. */
    public NDArray norm() {
        return Statistics.norm(this, 2, null, false);
    }

    /** {@code torch.norm(input, p)}: the vector p-norm of all elements (p may be 0, inf, -inf or any real). */
    public NDArray norm(double p) {
        return Statistics.norm(this, p, null, false);
    }

    /** {@code torch.norm(input, p, dim)}. */
    public NDArray norm(double p, int... dims) {
        return Statistics.norm(this, p, dims, false);
    }

    /** {@code torch.norm(input, p, dim, keepdim)}, i.e. {@code torch.linalg.vector_norm(input, p, dim, keepdim)}. */
    public NDArray norm(double p, int[] dims, boolean keepdim) {
        return Statistics.norm(this, p, dims, keepdim);
    }

    /** {@code torch.norm(input, "fro", dim, keepdim)}: the 2-norm over at most two dims (all when {@code dims} is null). */
    public NDArray norm(String p, int[] dims, boolean keepdim) {
        return Statistics.norm(this, p, dims, keepdim);
    }

    /** {@code torch.all(input)}: a 0-d bool, true when no element is zero (true for an empty array). */
    public NDArray all() {
        return Reductions.allAny(this, null, false, true);
    }

    /** {@code torch.all(input, dim)}. */
    public NDArray all(int dim) {
        return Reductions.allAny(this, new int[] {dim}, false, true);
    }

    /** {@code torch.all(input, dim, keepdim)}. */
    public NDArray all(int dim, boolean keepdim) {
        return Reductions.allAny(this, new int[] {dim}, keepdim, true);
    }

    /** {@code torch.all(input, dim=dims, keepdim)}; an empty {@code dims} reduces nothing (an elementwise bool copy). */
    public NDArray all(int[] dims, boolean keepdim) {
        return Reductions.allAny(this, dims, keepdim, true);
    }

    /** {@code torch.any(input)}: a 0-d bool, true when some element is non-zero (false for an empty array). */
    public NDArray any() {
        return Reductions.allAny(this, null, false, false);
    }

    /** {@code torch.any(input, dim)}. */
    public NDArray any(int dim) {
        return Reductions.allAny(this, new int[] {dim}, false, false);
    }

    /** {@code torch.any(input, dim, keepdim)}. */
    public NDArray any(int dim, boolean keepdim) {
        return Reductions.allAny(this, new int[] {dim}, keepdim, false);
    }

    /** {@code torch.any(input, dim=dims, keepdim)}; an empty {@code dims} reduces nothing. */
    public NDArray any(int[] dims, boolean keepdim) {
        return Reductions.allAny(this, dims, keepdim, false);
    }

    /** {@code torch.cumsum(input, dim)}: int64 for integral and bool inputs; floats accumulate in double. */
    public NDArray cumsum(int dim) {
        return Cumulative.cumulate(this, dim, false);
    }

    /** {@code torch.cumprod(input, dim)}: int64 for integral and bool inputs; floats accumulate in double. */
    public NDArray cumprod(int dim) {
        return Cumulative.cumulate(this, dim, true);
    }

    /** {@code torch.softmax(input, dim)}: float32/float64 only, computed stably (max subtracted). */
    public NDArray softmax(int dim) {
        return Softmax.softmax(this, dim, false);
    }

    /** {@code torch.log_softmax(input, dim)}: {@code x - max - log(sum(exp(x - max)))}. */
    public NDArray logSoftmax(int dim) {
        return Softmax.softmax(this, dim, true);
    }

    // ------------------------------------------------------------------ end of reductions

    // ------------------------------------------------------------------ linear algebra (LinAlg.java)

    /**
     * {@code torch.matmul(self, other)} in all of PyTorch's rank cases: 1-d @ 1-d is a dot product
     * (0-d result), 2-d @ 1-d a matrix-vector product, 1-d @ 2-d a row vector times a matrix (the
     * prepended dim removed), 2-d @ 2-d a matrix product, and with 3 or more dims a batched product
     * whose batch dims broadcast (a 1-d operand is a row or column shared by every batch entry).
     * Both operands must have the same dtype (float32, float64 or int64).
     */
    public NDArray matmul(NDArray other) {
        return LinAlg.matmul(this, other);
    }

    /** {@code torch.mm(self, mat2)}: {@code [n, m] @ [m, p] -> [n, p]}, no broadcasting. */
    public NDArray mm(NDArray mat2) {
        return LinAlg.mm(this, mat2);
    }

    /** {@code torch.bmm(self, mat2)}: {@code [b, n, m] @ [b, m, p] -> [b, n, p]}, no broadcasting. */
    public NDArray bmm(NDArray mat2) {
        return LinAlg.bmm(this, mat2);
    }

    /** {@code torch.mv(self, vec)}: {@code [n, m] @ [m] -> [n]}. */
    public NDArray mv(NDArray vec) {
        return LinAlg.mv(this, vec);
    }

    /** {@code torch.dot(self, other)}: the 0-d inner product of two 1-d tensors of the same dtype and size. */
    public NDArray dot(NDArray other) {
        return LinAlg.dot(this, other);
    }

    /** {@code torch.outer(self, vec2)}: {@code [n] x [m] -> [n, m]}, with {@code mul}'s type promotion. */
    public NDArray outer(NDArray vec2) {
        return LinAlg.outer(this, vec2);
    }

    /**
     * {@code torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * input + alpha *
     * (mat1 @ mat2)}, {@code input} broadcast to the product's shape. With {@code beta == 0},
     * {@code input} is ignored (its NaN and inf do not propagate). For int64 the scalars are
     * truncated to integers, as PyTorch converts them to the tensor's type.
     */
    public static NDArray addmm(NDArray input, NDArray mat1, NDArray mat2, double beta, double alpha) {
        return LinAlg.addmm(input, mat1, mat2, beta, alpha);
    }

    /** {@code torch.addmm(input, mat1, mat2)}: {@code input + mat1 @ mat2}. */
    public static NDArray addmm(NDArray input, NDArray mat1, NDArray mat2) {
        return LinAlg.addmm(input, mat1, mat2, 1, 1);
    }

    /**
     * {@code torch.linalg.qr(self, mode)}: {@code {Q, R}} with {@code self = Q R}, Q with orthonormal
     * columns and R upper triangular, by Householder reflections in double precision; mode
     * {@code "reduced"} (Q {@code [*, m, k]}, R {@code [*, k, n]}, k = min(m, n)), {@code "complete"}
     * or {@code "r"} (Q empty). Agrees with LAPACK to rounding (the column signs follow LAPACK's convention).
     */
    public NDArray[] linalgQr(String mode) {
        return Qr.qr(this, mode);
    }

    /** {@code torch.linalg.qr(self)} in the default {@code "reduced"} mode. */
    public NDArray[] linalgQr() {
        return Qr.qr(this, "reduced");
    }

    // ------------------------------------------------------------------ end of linear algebra

    // ------------------------------------------------------------------ indexing and joining (Indexing.java, Joining.java)

    /**
     * {@code torch.index_select(self, dim, index)}: the slices {@code index[j]} along {@code dim}
     * ({@code index} int64, 0-d or 1-d, every entry in {@code [0, size)}).
     */
    public NDArray indexSelect(int dim, NDArray index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /** {@code torch.gather(self, dim, index)}: {@code out[i][j] = self[index[i][j]][j]} for dim 0; the result has index's shape. */
    public NDArray gather(int dim, NDArray index) {
        return ScatterGather.gather(this, dim, index);
    }

    /** {@code torch.scatter(self, dim, index, src)}: a copy of self with {@code out[index[i][j]][j] = src[i][j]} for dim 0. */
    public NDArray scatter(int dim, NDArray index, NDArray src) {
        return ScatterGather.scatter_(clone(), dim, index, src);
    }

    /** {@code torch.scatter(self, dim, index, value)}: a copy of self with {@code value} written at the indexed positions. */
    public NDArray scatter(int dim, NDArray index, double value) {
        return ScatterGather.scatterValue_(clone(), dim, index, value);
    }

    /** {@code self.scatter_(dim, index, src)}; nothing is written when an index is out of range. */
    public NDArray scatter_(int dim, NDArray index, NDArray src) {
        return ScatterGather.scatter_(this, dim, index, src);
    }

    /** {@code self.scatter_(dim, index, value)}. */
    public NDArray scatter_(int dim, NDArray index, double value) {
        return ScatterGather.scatterValue_(this, dim, index, value);
    }

    /** {@code torch.scatter_add(self, dim, index, src)}: duplicates accumulate, in index order. */
    public NDArray scatterAdd(int dim, NDArray index, NDArray src) {
        return ScatterGather.scatterAdd_(clone(), dim, index, src);
    }

    /** {@code self.scatter_add_(dim, index, src)}. */
    public NDArray scatterAdd_(int dim, NDArray index, NDArray src) {
        return ScatterGather.scatterAdd_(this, dim, index, src);
    }

    /** {@code torch.index_add(self, dim, index, source)}: a copy of self with the slices of source added at index. */
    public NDArray indexAdd(int dim, NDArray index, NDArray source) {
        return Indexing.indexAdd_(clone(), dim, index, source, 1);
    }

    /** {@code torch.index_add(self, dim, index, source, alpha=alpha)}. */
    public NDArray indexAdd(int dim, NDArray index, NDArray source, double alpha) {
        return Indexing.indexAdd_(clone(), dim, index, source, alpha);
    }

    /** {@code self.index_add_(dim, index, source)}. */
    public NDArray indexAdd_(int dim, NDArray index, NDArray source) {
        return Indexing.indexAdd_(this, dim, index, source, 1);
    }

    /** {@code self.index_add_(dim, index, source, alpha=alpha)}: alpha is cast to the dtype first. */
    public NDArray indexAdd_(int dim, NDArray index, NDArray source, double alpha) {
        return Indexing.indexAdd_(this, dim, index, source, alpha);
    }

    /** {@code torch.index_copy(self, dim, index, source)}. */
    public NDArray indexCopy(int dim, NDArray index, NDArray source) {
        return Indexing.indexCopy_(clone(), dim, index, source);
    }

    /** {@code self.index_copy_(dim, index, source)}: slice {@code j} of source goes to slice {@code index[j]}. */
    public NDArray indexCopy_(int dim, NDArray index, NDArray source) {
        return Indexing.indexCopy_(this, dim, index, source);
    }

    /** {@code torch.index_fill(self, dim, index, value)}. */
    public NDArray indexFill(int dim, NDArray index, double value) {
        return Indexing.indexFill_(clone(), dim, index, value);
    }

    /** {@code self.index_fill_(dim, index, value)}: negative indices count from the end. */
    public NDArray indexFill_(int dim, NDArray index, double value) {
        return Indexing.indexFill_(this, dim, index, value);
    }

    /** {@code torch.take(self, index)}: elements of the flattened tensor, shaped like index; negative indices wrap. */
    public NDArray take(NDArray index) {
        return Indexing.take(this, index);
    }

    /** {@code torch.masked_select(self, mask)}: a 1-d array of the elements where the broadcast bool mask is true. */
    public NDArray maskedSelect(NDArray mask) {
        return Masking.maskedSelect(this, mask);
    }

    /** {@code torch.nonzero(self)}: int64 {@code [n, dim()]} coordinates of the nonzero elements, row-major. */
    public NDArray nonzero() {
        return Masking.nonzero(this);
    }

    /**
     * {@code torch.nn.functional.one_hot(self, num_classes)} for an int64 tensor: int64 with a new
     * last dim of {@code numClasses}; {@code -1} infers {@code max + 1}.
     */
    public NDArray oneHot(int numClasses) {
        return ScatterGather.oneHot(this, numClasses);
    }

    /**
     * {@code torch.cat(tensors, dim)} with type promotion over all inputs; 1-d tensors of shape
     * {@code [0]} are skipped (PyTorch's legacy rule).
     */
    public static NDArray cat(java.util.List<NDArray> tensors, int dim) {
        return Joining.cat(tensors, dim);
    }

    /** {@code torch.cat(tensors)} along dim 0. */
    public static NDArray cat(java.util.List<NDArray> tensors) {
        return Joining.cat(tensors, 0);
    }

    /** {@code torch.stack(tensors, dim)}: equal shapes joined along a new dim, with type promotion. */
    public static NDArray stack(java.util.List<NDArray> tensors, int dim) {
        return Joining.stack(tensors, dim);
    }

    /** {@code torch.stack(tensors)} along a new dim 0. */
    public static NDArray stack(java.util.List<NDArray> tensors) {
        return Joining.stack(tensors, 0);
    }

    /** {@code torch.split(self, split_size, dim)}: views of {@code splitSize} along dim (the last may be shorter). */
    public java.util.List<NDArray> split(int splitSize, int dim) {
        return Joining.split(this, splitSize, dim);
    }

    /** {@code torch.split(self, split_size)} along dim 0. */
    public java.util.List<NDArray> split(int splitSize) {
        return Joining.split(this, splitSize, 0);
    }

    /** {@code torch.split(self, [sizes], dim)} ({@code split_with_sizes}): views of the given lengths, which must sum to the dim's size. */
    public java.util.List<NDArray> split(int[] sizes, int dim) {
        return Joining.split(this, sizes, dim);
    }

    /** {@code torch.chunk(self, chunks, dim)}: at most {@code chunks} views of {@code ceil(size / chunks)}. */
    public java.util.List<NDArray> chunk(int chunks, int dim) {
        return Joining.chunk(this, chunks, dim);
    }

    /** {@code torch.chunk(self, chunks)} along dim 0. */
    public java.util.List<NDArray> chunk(int chunks) {
        return Joining.chunk(this, chunks, 0);
    }

    /** {@code torch.unbind(self, dim)}: the {@code select(dim, i)} views. */
    public java.util.List<NDArray> unbind(int dim) {
        return Joining.unbind(this, dim);
    }

    /** {@code torch.unbind(self)} along dim 0. */
    public java.util.List<NDArray> unbind() {
        return Joining.unbind(this, 0);
    }

    /**
     * {@code torch.nn.functional.pad(self, pad, mode='constant', value=value)}: (left, right) pairs
     * from the last dim backwards; negative amounts crop. The value is cast to the dtype.
     */
    public NDArray pad(int[] pad, double value) {
        return Rearranging.pad(this, pad, value);
    }

    /** {@code torch.nn.functional.pad(self, pad)}: constant padding with zeros. */
    public NDArray pad(int... pad) {
        return Rearranging.pad(this, pad, 0);
    }

    /** {@code torch.flip(self, dims)}: a copy with the given dims reversed. */
    public NDArray flip(int... dims) {
        return Rearranging.flip(this, dims);
    }

    /** {@code torch.roll(self, shifts, dims)}: circular shifts, one per dim. */
    public NDArray roll(int[] shifts, int[] dims) {
        return Rearranging.roll(this, shifts, dims);
    }

    /** {@code torch.roll(self, shift, dim)}. */
    public NDArray roll(int shift, int dim) {
        return Rearranging.roll(this, new int[] {shift}, new int[] {dim});
    }

    /** {@code torch.roll(self, shift)}: along the flattened tensor, shape kept. */
    public NDArray roll(int shift) {
        return Rearranging.roll(this, new int[] {shift}, new int[0]);
    }

    /** {@code self.repeat(*sizes)}: tiles the tensor; extra leading sizes add dims. */
    public NDArray repeat(int... sizes) {
        return Rearranging.repeat(this, sizes);
    }

    /** {@code torch.tril(self, diagonal)}: zeroes the elements above the diagonal of the last two dims. */
    public NDArray tril(int diagonal) {
        return Triangular.triangle(this, diagonal, true);
    }

    /** {@code torch.tril(self)}. */
    public NDArray tril() {
        return Triangular.triangle(this, 0, true);
    }

    /** {@code self.tril_(diagonal)}. */
    public NDArray tril_(int diagonal) {
        return Triangular.triangle_(this, diagonal, true);
    }

    /** {@code self.tril_()}. */
    public NDArray tril_() {
        return Triangular.triangle_(this, 0, true);
    }

    /** {@code torch.triu(self, diagonal)}: zeroes the elements below the diagonal of the last two dims. */
    public NDArray triu(int diagonal) {
        return Triangular.triangle(this, diagonal, false);
    }

    /** {@code torch.triu(self)}. */
    public NDArray triu() {
        return Triangular.triangle(this, 0, false);
    }

    /** {@code self.triu_(diagonal)}. */
    public NDArray triu_(int diagonal) {
        return Triangular.triangle_(this, diagonal, false);
    }

    /** {@code self.triu_()}. */
    public NDArray triu_() {
        return Triangular.triangle_(this, 0, false);
    }

    /** {@code torch.diag(self, diagonal)}: 1-d to a square matrix, 2-d to a copy of its diagonal. */
    public NDArray diag(int diagonal) {
        return Triangular.diag(this, diagonal);
    }

    /** {@code torch.diag(self)}. */
    public NDArray diag() {
        return Triangular.diag(this, 0);
    }

    /** {@code torch.diagonal(self, offset, dim1, dim2)}: a view; the diagonal becomes the last dim. */
    public NDArray diagonal(int offset, int dim1, int dim2) {
        return Triangular.diagonal(this, offset, dim1, dim2);
    }

    /** {@code torch.diagonal(self)}: the main diagonal of dims 0 and 1, as a view. */
    public NDArray diagonal() {
        return Triangular.diagonal(this, 0, 0, 1);
    }


    /**
     * {@code self[indices]} with tensor indices ({@code at::index}): int64 index tensors, broadcast
     * together, or bool masks; a null entry is a full slice {@code :}. Indexed dims are replaced by
     * the broadcast index shape in place when adjacent, else it moves to the front (NumPy's rule).
     */
    public NDArray index(NDArray... indices) {
        return AdvancedIndexing.index(this, indices);
    }

    /** {@code self[indices] = values} ({@code index_put_}): values broadcast to the indexed shape, same dtype. */
    public NDArray indexPut_(NDArray[] indices, NDArray values) {
        return AdvancedIndexing.indexPut_(this, indices, values, false);
    }

    /** {@code self.index_put_(indices, values, accumulate)}: with accumulate, duplicates add up. */
    public NDArray indexPut_(NDArray[] indices, NDArray values, boolean accumulate) {
        return AdvancedIndexing.indexPut_(this, indices, values, accumulate);
    }

    /** {@code self[indices] = value}, e.g. {@code x[mask] = 0}: the value is cast to the dtype. */
    public NDArray indexPut_(NDArray[] indices, double value) {
        return AdvancedIndexing.indexPut_(this, indices, scalar(value, dtype), false);
    }

    /** {@code torch.index_put(self, indices, values, accumulate)}: a copy of self with the writes. */
    public NDArray indexPut(NDArray[] indices, NDArray values, boolean accumulate) {
        return AdvancedIndexing.indexPut_(clone(), indices, values, accumulate);
    }

    // ------------------------------------------------------------------ end of indexing and joining

    // ------------------------------------------------------------------ convolution (Convolution.java)

    /**
     * {@code torch.nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups)} on
     * this input {@code [N, C, H, W]} or unbatched {@code [C, H, W]}; {@code weight} is
     * {@code [O, C/groups, kh, kw]}, {@code bias} {@code [O]} or null. Each of {@code stride},
     * {@code padding}, {@code dilation} holds one value for both dims or one per dim.
     */
    public NDArray conv2d(NDArray weight, NDArray bias, int[] stride, int[] padding, int[] dilation, int groups) {
        return Convolution.conv("conv2d", 2, this, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}; "same" pads the odd extra at the end, as PyTorch. */
    public NDArray conv2d(NDArray weight, NDArray bias, int[] stride, String padding, int[] dilation, int groups) {
        return Convolution.conv("conv2d", 2, this, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d(input, weight, bias)}: stride 1, no padding, dilation 1, one group. */
    public NDArray conv2d(NDArray weight, NDArray bias) {
        return conv2d(weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /** {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}: input {@code [N, C, L]} or {@code [C, L]}, weight {@code [O, C/groups, k]}. */
    public NDArray conv1d(NDArray weight, NDArray bias, int stride, int padding, int dilation, int groups) {
        return Convolution.conv("conv1d", 1, this, weight, bias, new int[] {stride}, new int[] {padding},
                new int[] {dilation}, groups);
    }

    /** {@code F.conv1d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}. */
    public NDArray conv1d(NDArray weight, NDArray bias, int stride, String padding, int dilation, int groups) {
        return Convolution.conv("conv1d", 1, this, weight, bias, new int[] {stride}, padding, new int[] {dilation}, groups);
    }

    /**
     * {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}
     * on this input {@code [N, Cin, H, W]} or {@code [Cin, H, W]}; {@code weight} is
     * {@code [Cin, Cout/groups, kh, kw]}: the input-gradient product of {@link #conv2d}.
     */
    public NDArray convTranspose2d(NDArray weight, NDArray bias, int[] stride, int[] padding, int[] outputPadding,
                                   int groups, int[] dilation) {
        return Convolution.convTranspose("conv_transpose2d", 2, this, weight, bias, stride, padding, outputPadding,
                groups, dilation);
    }

    /** {@code F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)}. */
    public NDArray convTranspose1d(NDArray weight, NDArray bias, int stride, int padding, int outputPadding,
                                   int groups, int dilation) {
        return Convolution.convTranspose("conv_transpose1d", 1, this, weight, bias, new int[] {stride},
                new int[] {padding}, new int[] {outputPadding}, groups, new int[] {dilation});
    }

    /**
     * {@code torch.convolution(input, weight, bias, stride, padding, dilation, transposed,
     * output_padding, groups)}: batched 1-d or 2-d convolution (3-d is not supported).
     */
    public NDArray convolution(NDArray weight, NDArray bias, int[] stride, int[] padding, int[] dilation,
                               boolean transposed, int[] outputPadding, int groups) {
        return Convolution.convolution(this, weight, bias, stride, padding, dilation, transposed, outputPadding, groups);
    }

    /**
     * The forward product of a batched convolution with an explicit output spatial size
     * ({@code outputSize}, one per spatial dim; the output is cropped or zero-padded at the end
     * accordingly): output position {@code o} reads input {@code o * stride - padding + tap * dilation}.
     * {@code stride}, {@code padding}, {@code dilation} have one entry per spatial dim. Used by
     * autograd for the backward of a transposed convolution.
     */
    public NDArray convolutionForward(NDArray weight, NDArray bias, int[] stride, int[] padding, int[] dilation,
                                      int groups, int[] outputSize) {
        return Convolution.forward(this, weight, bias, stride, padding, dilation, groups, outputSize);
    }

    /**
     * The input gradient of a convolution (the {@code grad_input} of
     * {@code torch.ops.aten.convolution_backward}) from this {@code grad_output}: a tensor of
     * {@code inputShape} (full batched shape). Parameters as in {@link #convolutionForward}.
     */
    public NDArray convolutionBackwardInput(NDArray weight, int[] inputShape, int[] stride, int[] padding,
                                            int[] dilation, int groups) {
        return Convolution.backwardInput(this, weight, inputShape, stride, padding, dilation, groups);
    }

    /**
     * The weight gradient of a convolution (the {@code grad_weight} of
     * {@code torch.ops.aten.convolution_backward}) from this {@code grad_output} and the
     * convolution's {@code input}: a tensor of {@code weightShape}.
     */
    public NDArray convolutionBackwardWeight(NDArray input, int[] weightShape, int[] stride, int[] padding,
                                             int[] dilation, int groups) {
        return Convolution.backwardWeight(this, input, weightShape, stride, padding, dilation, groups);
    }

    /**
     * {@code torch.ops.aten.threshold_backward(grad_output, self, threshold)} with this array as
     * {@code grad_output}: the gradient where {@code input > threshold}, else 0 (the backward of
     * ReLU with its result as {@code input} and threshold 0). A NaN {@code input} passes the
     * gradient. Broadcasts; the result has the gradient's dtype.
     */
    public NDArray thresholdBackward(NDArray input, double threshold) {
        return ActivationBackward.thresholdBackward(this, input, threshold);
    }
    // ------------------------------------------------------------------ end of convolution

    // ------------------------------------------------------------------ pooling (Pooling.java)

    /**
     * {@code torch.nn.functional.max_pool2d(self, kernel_size, stride, padding, dilation, ceil_mode,
     * return_indices=True)} ({@code torch.max_pool2d_with_indices}) on a {@code [N, C, H, W]} or
     * {@code [C, H, W]} array. Each int list has one element (both dims) or two (height, width); an
     * empty {@code stride} means the kernel size. The indices are int64, {@code h * W + w} within
     * each plane; NaN propagates as in ATen's kernel.
     */
    public ValuesIndices maxPool2dWithIndices(int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return Pooling.maxPool2dWithIndices(this, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code torch.max_pool2d(self, kernel_size, stride, padding, dilation, ceil_mode)}: the values only. */
    public NDArray maxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        return Pooling.maxPool2dWithIndices(this, kernelSize, stride, padding, dilation, ceilMode).values();
    }

    /**
     * {@code torch.ops.aten.max_pool2d_with_indices_backward}: a zero array of the input's shape with
     * each gradient added at its index (its plane's {@code h * W + w}), outputs in order.
     */
    public static NDArray maxPool2dWithIndicesBackward(NDArray gradOutput, NDArray indices, int[] inputShape) {
        return Pooling.maxPool2dBackward(gradOutput, indices, inputShape);
    }

    /**
     * {@code torch.max_pool1d_with_indices(self, kernel_size, stride, padding, dilation, ceil_mode)} on
     * {@code [N, C, L]} or {@code [C, L]}: through {@link #maxPool2dWithIndices} on {@code unsqueeze(-2)}, as ATen does.
     */
    public ValuesIndices maxPool1dWithIndices(int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        checkPool1dArgs("max_pool1d", shape, kernelSize, stride, padding, dilation);
        int s = stride.length == 0 ? kernelSize[0] : stride[0];
        ValuesIndices r = unsqueeze(-2).maxPool2dWithIndices(new int[] {1, kernelSize[0]}, new int[] {1, s},
                new int[] {0, padding[0]}, new int[] {1, dilation[0]}, ceilMode);
        return new ValuesIndices(r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    /** {@code torch.max_pool1d(self, kernel_size, stride, padding, dilation, ceil_mode)}, with its own argument checks. */
    public NDArray maxPool1d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        checkMaxPool1dArgs(shape, kernelSize, stride, padding, dilation, ceilMode);
        PoolShapes.checkFloating(this, "max_pool1d_impl");
        return maxPool1dWithIndices(kernelSize, stride, padding, dilation, ceilMode).values();
    }

    /**
     * {@code torch.nn.functional.avg_pool2d(self, kernel_size, stride, padding, ceil_mode, count_include_pad,
     * divisor_override)}; an empty {@code stride} means the kernel size, a null {@code divisorOverride} none.
     */
    public NDArray avgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
            Integer divisorOverride) {
        return Pooling.avgPool2d(this, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** {@code torch.ops.aten.avg_pool2d_backward}: each window's {@code grad / divisor} added over the window. */
    public static NDArray avgPool2dBackward(NDArray gradOutput, int[] inputShape, int[] kernelSize, int[] stride,
            int[] padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        return Pooling.avgPool2dBackward(gradOutput, inputShape, kernelSize, stride, padding, ceilMode, countIncludePad,
                divisorOverride);
    }

    /**
     * {@code torch.avg_pool1d(self, kernel_size, stride, padding, ceil_mode, count_include_pad)} on
     * {@code [N, C, L]} or {@code [C, L]}: {@link #avgPool2d} on {@code unsqueeze(-2)}, as ATen does.
     */
    public NDArray avgPool1d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        checkPool1dArgs("avg_pool1d", shape, kernelSize, stride, padding, null);
        int[] st = stride.length == 0 ? kernelSize : stride;
        return unsqueeze(-2).avgPool2d(new int[] {1, kernelSize[0]}, new int[] {1, st[0]}, new int[] {0, padding[0]},
                ceilMode, countIncludePad, null).squeeze(-2);
    }

    /**
     * {@code torch.nn.functional.adaptive_avg_pool2d(self, output_size)}: output cell {@code i} averages
     * input rows {@code [floor(i*H/oH), ceil((i+1)*H/oH))} (columns likewise). A {@code (1, 1)} output is
     * {@code self.mean((-1, -2), keepdim=True)}, as in ATen.
     */
    public NDArray adaptiveAvgPool2d(int... outputSize) {
        return Pooling.adaptiveAvgPool2d(this, outputSize);
    }

    /** {@code torch._adaptive_avg_pool2d(self, output_size)}: the pooling kernel, without the {@code (1, 1)} mean shortcut. */
    public NDArray adaptiveAvgPool2dKernel(int... outputSize) {
        return Pooling.adaptiveAvgPool2dKernel(this, outputSize);
    }

    /** {@code torch.ops.aten._adaptive_avg_pool2d_backward}: each cell's {@code grad / kh / kw} added over its window. */
    public static NDArray adaptiveAvgPool2dBackward(NDArray gradOutput, int[] inputShape) {
        return Pooling.adaptiveAvgPool2dBackward(gradOutput, inputShape);
    }

    /**
     * {@code torch.nn.functional.adaptive_max_pool2d(self, output_size, return_indices=True)}: the maximum
     * of each adaptive window (as {@link #adaptiveAvgPool2d} chooses them) and its index {@code h * W + w};
     * the backward is {@link #maxPool2dWithIndicesBackward}.
     */
    public ValuesIndices adaptiveMaxPool2d(int... outputSize) {
        return Pooling.adaptiveMaxPool2d(this, outputSize);
    }

    /**
     * {@code torch.ops.aten.adaptive_max_pool2d_backward}: {@link #maxPool2dWithIndicesBackward} after
     * its own check that the gradient has no empty non-batch dim.
     */
    public static NDArray adaptiveMaxPool2dBackward(NDArray gradOutput, NDArray indices, int[] inputShape) {
        for (int i = 1; i < gradOutput.dim(); i++) {
            PoolShapes.check(gradOutput.size(i) > 0, "adaptive_max_pool2d_backward(): Expected grad_output to have "
                    + "non-zero size for non-batch dimensions, but grad_output has sizes " + Shapes.str(gradOutput.sizes())
                    + " with dimension " + i + " being empty");
        }
        return Pooling.maxPool2dBackward(gradOutput, indices, inputShape);
    }

    /** {@code torch.adaptive_avg_pool1d(self, output_size)}: {@link #adaptiveAvgPool2d} on {@code unsqueeze(-2)}. */
    public NDArray adaptiveAvgPool1d(int... outputSize) {
        checkAdaptivePool1dArgs(shape, outputSize);
        return unsqueeze(-2).adaptiveAvgPool2d(1, outputSize[0]).squeeze(-2);
    }
    /**
     * The argument checks {@code torch.max_pool1d} makes (rank, list lengths, positive sizes,
     * {@code padding <= kernel_size / 2}, a positive output size), in PyTorch's words; for code
     * that pools through the 2-d op, as the autograd layer does.
     */
    public static void checkMaxPool1dArgs(int[] inputShape, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        PoolShapes.checkMaxPool1d(inputShape, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * The checks of ATen's 1-d pooling wrappers ({@code max_pool1d_with_indices}, {@code avg_pool1d}):
     * a 2-d or 3-d input and one-element int lists (an empty stride means the kernel size; a null
     * dilation is not checked).
     */
    public static void checkPool1dArgs(String fn, int[] inputShape, int[] kernelSize, int[] stride, int[] padding,
            int[] dilation) {
        PoolShapes.checkRank2or3(inputShape, fn);
        PoolShapes.check1d(fn, "kernel_size", kernelSize);
        PoolShapes.check1d(fn, "stride", stride.length == 0 ? kernelSize : stride);
        PoolShapes.check1d(fn, "padding", padding);
        if (dilation != null) {
            PoolShapes.check1d(fn, "dilation", dilation);
        }
    }

    /** The checks of {@code adaptive_avg_pool1d}: a 2-d or 3-d input and a one-element output size. */
    public static void checkAdaptivePool1dArgs(int[] inputShape, int[] outputSize) {
        PoolShapes.checkRank2or3(inputShape, "adaptive_avg_pool1d");
        PoolShapes.check1d("adaptive_avg_pool1d", "output_size", outputSize);
    }

    // ------------------------------------------------------------------ end of pooling

    // ------------------------------------------------------------------ random (Generator.java, Random.java)

    /** {@code torch.rand(*shape)}: uniform on [0, 1) in the default dtype, from the global generator. */
    public static NDArray rand(int... shape) {
        return Random.rand(null, DType.defaultFloat(), shape);
    }

    /** {@code torch.rand(*shape, dtype=dtype)}. */
    public static NDArray rand(DType dtype, int... shape) {
        return Random.rand(null, dtype, shape);
    }

    /** {@code torch.rand(*shape, generator=generator, dtype=dtype)}; a null generator means the global one. */
    public static NDArray rand(Generator generator, DType dtype, int... shape) {
        return Random.rand(generator, dtype, shape);
    }

    /** {@code torch.rand_like(a)}. */
    public static NDArray randLike(NDArray a) {
        return Random.rand(null, a.dtype, a.shape);
    }

    /** {@code torch.rand_like(a, generator=generator)}. */
    public static NDArray randLike(NDArray a, Generator generator) {
        return Random.rand(generator, a.dtype, a.shape);
    }

    /** {@code torch.randn(*shape)}: standard normal in the default dtype, from the global generator. */
    public static NDArray randn(int... shape) {
        return Random.normal(0, 1, null, DType.defaultFloat(), shape);
    }

    /** {@code torch.randn(*shape, dtype=dtype)}. */
    public static NDArray randn(DType dtype, int... shape) {
        return Random.normal(0, 1, null, dtype, shape);
    }

    /** {@code torch.randn(*shape, generator=generator, dtype=dtype)}; a null generator means the global one. */
    public static NDArray randn(Generator generator, DType dtype, int... shape) {
        return Random.normal(0, 1, generator, dtype, shape);
    }

    /** {@code torch.randn_like(a)}. */
    public static NDArray randnLike(NDArray a) {
        return Random.normal(0, 1, null, a.dtype, a.shape);
    }

    /** {@code torch.randn_like(a, generator=generator)}. */
    public static NDArray randnLike(NDArray a, Generator generator) {
        return Random.normal(0, 1, generator, a.dtype, a.shape);
    }

    /** {@code torch.normal(mean, std, size, generator=generator)} in the default dtype. */
    public static NDArray normal(double mean, double std, int[] shape, Generator generator) {
        return Random.normal(mean, std, generator, DType.defaultFloat(), shape);
    }

    /** {@code torch.randint(high, size)}: int64 values in [0, high). */
    public static NDArray randint(long high, int[] shape) {
        return Random.randint(0, high, shape, DType.INT64, null);
    }

    /** {@code torch.randint(low, high, size)}: int64 values in [low, high). */
    public static NDArray randint(long low, long high, int[] shape) {
        return Random.randint(low, high, shape, DType.INT64, null);
    }

    /** {@code torch.randint(low, high, size, generator=generator)}. */
    public static NDArray randint(long low, long high, int[] shape, Generator generator) {
        return Random.randint(low, high, shape, DType.INT64, generator);
    }

    /** {@code torch.randint(low, high, size, generator=generator, dtype=dtype)}. */
    public static NDArray randint(long low, long high, int[] shape, DType dtype, Generator generator) {
        return Random.randint(low, high, shape, dtype, generator);
    }

    /** {@code torch.randperm(n)}: a random permutation of 0..n-1, int64. */
    public static NDArray randperm(int n) {
        return Random.randperm(n, DType.INT64, null);
    }

    /** {@code torch.randperm(n, generator=generator)}. */
    public static NDArray randperm(int n, Generator generator) {
        return Random.randperm(n, DType.INT64, generator);
    }

    /** {@code torch.randperm(n, generator=generator, dtype=dtype)}. */
    public static NDArray randperm(int n, DType dtype, Generator generator) {
        return Random.randperm(n, dtype, generator);
    }

    /** {@code tensor.uniform_()}: uniform on [0, 1). */
    public NDArray uniform_() {
        return Random.uniform_(this, 0, 1, null);
    }

    /** {@code tensor.uniform_(from, to)}. */
    public NDArray uniform_(double from, double to) {
        return Random.uniform_(this, from, to, null);
    }

    /** {@code tensor.uniform_(from, to, generator=generator)}. */
    public NDArray uniform_(double from, double to, Generator generator) {
        return Random.uniform_(this, from, to, generator);
    }

    /** {@code tensor.normal_()}: standard normal. */
    public NDArray normal_() {
        Normal.normal_(this, 0, 1, Random.gen(null));
        return this;
    }

    /** {@code tensor.normal_(mean, std)}. */
    public NDArray normal_(double mean, double std) {
        Normal.normal_(this, mean, std, Random.gen(null));
        return this;
    }

    /** {@code tensor.normal_(mean, std, generator=generator)}. */
    public NDArray normal_(double mean, double std, Generator generator) {
        Normal.normal_(this, mean, std, Random.gen(generator));
        return this;
    }

    /** {@code tensor.bernoulli_()}: 1 with probability 0.5, else 0. */
    public NDArray bernoulli_() {
        return Random.bernoulli_(this, 0.5, null);
    }

    /**
     * {@code tensor.bernoulli_(p)}: 1 with probability p. Matches libtorch's default kernel; libtorch
     * builds with MKL running on Intel CPUs use MKL's own stream and give other values.
     */
    public NDArray bernoulli_(double p) {
        return Random.bernoulli_(this, p, null);
    }

    /** {@code tensor.bernoulli_(p, generator=generator)}. */
    public NDArray bernoulli_(double p, Generator generator) {
        return Random.bernoulli_(this, p, generator);
    }

    /** {@code tensor.random_()}: integers in [0, 2^63) for int64, [0, 2^24] for float32, [0, 2^53] for float64. */
    public NDArray random_() {
        return Random.random_(this, null);
    }

    /** {@code tensor.random_(generator=generator)}. */
    public NDArray random_(Generator generator) {
        return Random.random_(this, generator);
    }

    /** {@code tensor.random_(to)}: integers in [0, to). */
    public NDArray random_(long to) {
        return Random.random_(this, 0, to, null);
    }

    /** {@code tensor.random_(from, to)}: integers in [from, to). */
    public NDArray random_(long from, long to) {
        return Random.random_(this, from, to, null);
    }

    /** {@code tensor.random_(from, to, generator=generator)}. */
    public NDArray random_(long from, long to, Generator generator) {
        return Random.random_(this, from, to, generator);
    }

    /**
     * {@code tensor.random_(from, to, generator=generator)} where a null {@code to} is Python's
     * {@code to=None}: integers in [from, dtype max] (2^24 for float32, 2^53 for float64).
     */
    public NDArray random_(long from, Long to, Generator generator) {
        return Random.random_(this, from, to, generator);
    }

    // ------------------------------------------------------------------ end of random

    // ------------------------------------------------------------------ printing (TensorFormatter.java)

    /** What {@code repr(tensor)} prints in PyTorch with the current {@link TensorFormatter#printOptions()}, e.g. {@code tensor([1., 2.])}. */
    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }
}
