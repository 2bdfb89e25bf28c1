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

    // ------------------------------------------------------------------ end of indexing and joining

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

    /** What {@code repr(tensor)} prints in PyTorch, e.g. {@code tensor([1., 2.])}. */
    @Override
    public String toString() {
        return "tensor(" + java.util.Arrays.toString(toDoubleArray()) + ")";
    }
}
