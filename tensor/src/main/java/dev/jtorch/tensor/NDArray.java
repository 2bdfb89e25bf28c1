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

    // ------------------------------------------------------------------ end of reductions

    // ------------------------------------------------------------------ linear algebra (LinAlg.java)

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

    /** {@code self.masked_fill_(mask, value)}: writes value where the bool mask (broadcast to self's shape) is true. */
    public NDArray maskedFill_(NDArray mask, double value) {
        return Masking.maskedFill_(this, mask, value);
    }

    /** {@code torch.masked_fill(self, mask, value)}: a copy, of the broadcast shape of self and mask. */
    public NDArray maskedFill(NDArray mask, double value) {
        return Masking.maskedFill(this, mask, value);
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

    // ------------------------------------------------------------------ random (Generator.java, Random.java)

    // ------------------------------------------------------------------ end of random

    // ------------------------------------------------------------------ printing (TensorFormatter.java)

    /** What {@code repr(tensor)} prints in PyTorch, e.g. {@code tensor([1., 2.])}. */
    @Override
    public String toString() {
        return "tensor(" + java.util.Arrays.toString(toDoubleArray()) + ")";
    }
}
