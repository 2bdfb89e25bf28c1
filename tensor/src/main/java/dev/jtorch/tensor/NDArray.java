package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
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

    int strideAt(int d) {
        return strides[d];
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
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    /** {@code tensor.stride()}, in elements. */
    public int[] stride() {
        return strides.clone();
    }

    /** {@code tensor.stride(dim)}. */
    public int stride(int dim) {
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

    /** {@code tensor.is_contiguous()}: PyTorch ignores the strides of size-1 dims. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 0) {
                return true;
            }
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
        int[] s = Shape.of(shape).dims();
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
        return empty(dtype).fill_(v);
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

    /** {@code tensor.contiguous()}: this array when already contiguous, else a row-major copy. */
    public NDArray contiguous() {
        return isContiguous() ? this : clone();
    }

    // ------------------------------------------------------------------ copies and in-place fills

    /** {@code tensor.clone()}: a contiguous copy (PyTorch's default preserve_format gives the same values). */
    @Override
    public NDArray clone() {
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

    /** {@code torch.add(self, other)} with broadcasting and type promotion. */
    public NDArray add(NDArray other) {
        return Elementwise.binary(BinaryOp.ADD, this, other);
    }

    /** {@code self + scalar}. */
    public NDArray add(double other) {
        return Elementwise.binary(BinaryOp.ADD, this, other);
    }

    /** {@code self + int}: an integral scalar keeps int64 tensors int64. */
    public NDArray add(long other) {
        return Elementwise.binary(BinaryOp.ADD, this, other);
    }

    /** {@code torch.sub(self, other)}. */
    public NDArray sub(NDArray other) {
        return Elementwise.binary(BinaryOp.SUB, this, other);
    }

    /** {@code self - scalar}. */
    public NDArray sub(double other) {
        return Elementwise.binary(BinaryOp.SUB, this, other);
    }

    /** {@code self - int}: an integral scalar keeps int64 tensors int64. */
    public NDArray sub(long other) {
        return Elementwise.binary(BinaryOp.SUB, this, other);
    }

    /** {@code torch.mul(self, other)}. */
    public NDArray mul(NDArray other) {
        return Elementwise.binary(BinaryOp.MUL, this, other);
    }

    /** {@code self * scalar}. */
    public NDArray mul(double other) {
        return Elementwise.binary(BinaryOp.MUL, this, other);
    }

    /** {@code self * int}: an integral scalar keeps int64 tensors int64. */
    public NDArray mul(long other) {
        return Elementwise.binary(BinaryOp.MUL, this, other);
    }

    /** {@code torch.div(self, other)}: true division (integers give the default float). */
    public NDArray div(NDArray other) {
        return Elementwise.binary(BinaryOp.DIV, this, other);
    }

    /** {@code self / scalar}. */
    public NDArray div(double other) {
        return Elementwise.binary(BinaryOp.DIV, this, other);
    }

    /** {@code self.add_(other)}. */
    public NDArray add_(NDArray other) {
        return Elementwise.binary_(BinaryOp.ADD, this, other);
    }

    /** {@code self.add_(scalar)}. */
    public NDArray add_(double other) {
        return Elementwise.binary_(BinaryOp.ADD, this, other);
    }

    /** {@code self.sub_(other)}. */
    public NDArray sub_(NDArray other) {
        return Elementwise.binary_(BinaryOp.SUB, this, other);
    }

    /** {@code self.mul_(other)}. */
    public NDArray mul_(NDArray other) {
        return Elementwise.binary_(BinaryOp.MUL, this, other);
    }

    /** {@code self.mul_(scalar)}. */
    public NDArray mul_(double other) {
        return Elementwise.binary_(BinaryOp.MUL, this, other);
    }

    /** {@code self.div_(other)}. */
    public NDArray div_(NDArray other) {
        return Elementwise.binary_(BinaryOp.DIV, this, other);
    }

    /** {@code torch.neg}. */
    public NDArray neg() {
        return Elementwise.unary(UnaryOp.NEG, this);
    }

    /** {@code torch.abs}. */
    public NDArray abs() {
        return Elementwise.unary(UnaryOp.ABS, this);
    }

    /** {@code torch.exp}. */
    public NDArray exp() {
        return Elementwise.unary(UnaryOp.EXP, this);
    }

    /** {@code torch.log}. */
    public NDArray log() {
        return Elementwise.unary(UnaryOp.LOG, this);
    }

    /** {@code torch.sqrt}. */
    public NDArray sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this);
    }

    /** {@code torch.relu}. */
    public NDArray relu() {
        return Elementwise.unary(UnaryOp.RELU, this);
    }

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

    // ------------------------------------------------------------------ end of linear algebra

    // ------------------------------------------------------------------ indexing and joining (Indexing.java, Joining.java)

    // ------------------------------------------------------------------ end of indexing and joining

    // ------------------------------------------------------------------ random (Generator.java, Random.java)

    // ------------------------------------------------------------------ end of random

    // ------------------------------------------------------------------ printing (TensorFormatter.java)

    /** What {@code repr(tensor)} prints in PyTorch, e.g. {@code tensor([1., 2.])}. */
    @Override
    public String toString() {
        return "tensor(" + java.util.Arrays.toString(toDoubleArray()) + ")";
    }
}
