package dev.jtorch;

import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import java.util.List;

/**
 * The {@code torch.*} namespace as static methods: {@code import static dev.jtorch.Torch.*;}
 * then {@code tensor(...)}, {@code zeros(...)}, {@code relu(x)}, {@code manualSeed(0)},
 * {@code try (var g = noGrad()) {...}}. Functional ops delegate to {@link Tensor}'s methods.
 */
public final class Torch {
    private Torch() {}

    // ------------------------------------------------------------------ creation

    /**
     * {@code torch.tensor(data)} from a Java scalar array of any depth. As with Python lists,
     * {@code float}/{@code double} data gives the default dtype (float32), {@code int}/{@code long}
     * gives int64 and {@code boolean} gives bool; use {@link #tensor(Object, DType)} for another dtype.
     */
    public static Tensor tensor(Object data) {
        NDArray a = NDArray.fromArray(data);
        return new Tensor(a.dtype().isFloatingPoint() ? a.to(DType.defaultFloat()) : a);
    }

    /** {@code torch.tensor(data, dtype=dtype)}. */
    public static Tensor tensor(Object data, DType dtype) {
        return new Tensor(NDArray.fromArray(data).to(dtype));
    }

    /** {@code torch.tensor(data, requires_grad=requiresGrad)}. */
    public static Tensor tensor(Object data, boolean requiresGrad) {
        return tensor(data).requiresGrad_(requiresGrad);
    }

    /** {@code torch.tensor(value)}: a 0-d float32 tensor. */
    public static Tensor tensor(double value) {
        return new Tensor(NDArray.scalar(value));
    }

    /** {@code torch.tensor(value, requires_grad=requiresGrad)}. */
    public static Tensor tensor(double value, boolean requiresGrad) {
        return tensor(value).requiresGrad_(requiresGrad);
    }

    /** {@code torch.tensor(value, dtype=dtype)}: a 0-d tensor. */
    public static Tensor tensor(double value, DType dtype) {
        return new Tensor(NDArray.scalar(value, dtype));
    }

    /** {@code torch.tensor(int_value)}: a 0-d int64 tensor. */
    public static Tensor tensor(long value) {
        return new Tensor(NDArray.scalar(value, DType.INT64));
    }

    /** {@code torch.zeros(*shape)}. */
    public static Tensor zeros(int... shape) {
        return new Tensor(NDArray.zeros(shape));
    }

    /** {@code torch.zeros(*shape, dtype=dtype)}. */
    public static Tensor zeros(DType dtype, int... shape) {
        return new Tensor(NDArray.zeros(dtype, shape));
    }

    /** {@code torch.ones(*shape)}. */
    public static Tensor ones(int... shape) {
        return new Tensor(NDArray.ones(shape));
    }

    /** {@code torch.ones(*shape, dtype=dtype)}. */
    public static Tensor ones(DType dtype, int... shape) {
        return new Tensor(NDArray.ones(dtype, shape));
    }

    /** {@code torch.full(shape, value)}. */
    public static Tensor full(int[] shape, double value) {
        return new Tensor(NDArray.full(value, shape));
    }

    /** {@code torch.full(shape, value, dtype=dtype)}. */
    public static Tensor full(int[] shape, double value, DType dtype) {
        return new Tensor(NDArray.full(value, dtype, shape));
    }

    /** {@code torch.empty(*shape)}. */
    public static Tensor empty(int... shape) {
        return new Tensor(NDArray.empty(shape));
    }

    /** {@code torch.zeros_like(t)}. */
    public static Tensor zerosLike(Tensor t) {
        return Tensor.zerosLike(t);
    }

    /** {@code torch.ones_like(t)}. */
    public static Tensor onesLike(Tensor t) {
        return Tensor.onesLike(t);
    }

    /** {@code torch.full_like(t, value)}. */
    public static Tensor fullLike(Tensor t, double value) {
        return new Tensor(NDArray.fullLike(t.array(), value));
    }

    /** {@code torch.empty_like(t)}. */
    public static Tensor emptyLike(Tensor t) {
        return new Tensor(NDArray.emptyLike(t.array()));
    }

    /** {@code torch.arange(end)}: int64. */
    public static Tensor arange(long end) {
        return new Tensor(NDArray.arange(end));
    }

    /** {@code torch.arange(start, end, step)} with integers: int64. */
    public static Tensor arange(long start, long end, long step) {
        return new Tensor(NDArray.arange(start, end, step));
    }

    /** {@code torch.arange(start, end, step)} with floats: the default dtype. */
    public static Tensor arange(double start, double end, double step) {
        return new Tensor(NDArray.arange(start, end, step));
    }

    /** {@code torch.linspace(start, end, steps)}. */
    public static Tensor linspace(double start, double end, int steps) {
        return new Tensor(NDArray.linspace(start, end, steps));
    }

    /** {@code torch.eye(n)}. */
    public static Tensor eye(int n) {
        return new Tensor(NDArray.eye(n));
    }

    /** {@code torch.eye(n, m, dtype=dtype)}. */
    public static Tensor eye(int n, int m, DType dtype) {
        return new Tensor(NDArray.eye(n, m, dtype));
    }

    // ------------------------------------------------------------------ random numbers (the global generator)

    /** {@code torch.manual_seed(seed)}: seeds the global generator (and clears its cached normal). */
    public static Generator manualSeed(long seed) {
        return Generator.manualSeedGlobal(seed);
    }

    /** {@code torch.initial_seed()}. */
    public static long initialSeed() {
        return Generator.defaultGenerator().initialSeed();
    }

    /** {@code torch.get_rng_state()}. */
    public static byte[] getRngState() {
        return Generator.defaultGenerator().getState();
    }

    /** {@code torch.set_rng_state(state)}. */
    public static void setRngState(byte[] state) {
        Generator.defaultGenerator().setState(state);
    }

    /** {@code torch.rand(*shape)}: uniform [0, 1), PyTorch's stream. */
    public static Tensor rand(int... shape) {
        return new Tensor(NDArray.rand(shape));
    }

    /** {@code torch.rand(*shape, generator=g, dtype=dtype)}. */
    public static Tensor rand(Generator g, DType dtype, int... shape) {
        return new Tensor(NDArray.rand(g, dtype, shape));
    }

    /** {@code torch.randn(*shape)}: standard normal, PyTorch's stream. */
    public static Tensor randn(int... shape) {
        return new Tensor(NDArray.randn(shape));
    }

    /** {@code torch.randn(*shape, generator=g, dtype=dtype)}. */
    public static Tensor randn(Generator g, DType dtype, int... shape) {
        return new Tensor(NDArray.randn(g, dtype, shape));
    }

    /** {@code torch.randint(low, high, shape)}: int64. */
    public static Tensor randint(long low, long high, int... shape) {
        return new Tensor(NDArray.randint(low, high, shape));
    }

    /** {@code torch.randperm(n)}: int64. */
    public static Tensor randperm(int n) {
        return new Tensor(NDArray.randperm(n));
    }

    /** {@code torch.rand_like(t)}. */
    public static Tensor randLike(Tensor t) {
        return new Tensor(NDArray.randLike(t.array()));
    }

    /** {@code torch.randn_like(t)}. */
    public static Tensor randnLike(Tensor t) {
        return new Tensor(NDArray.randnLike(t.array()));
    }

    // ------------------------------------------------------------------ grad mode

    /** {@code torch.no_grad()}: {@code try (var g = Torch.noGrad()) { ... }}. */
    public static GradMode.Guard noGrad() {
        return GradMode.noGrad();
    }

    /** {@code torch.enable_grad()}. */
    public static GradMode.Guard enableGrad() {
        return GradMode.enableGrad();
    }

    /** {@code torch.set_grad_enabled(mode)}; also usable as a guard. */
    public static GradMode.Guard setGradEnabled(boolean mode) {
        return GradMode.setGradEnabled(mode);
    }

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ------------------------------------------------------------------ functional ops

    /** {@code torch.add(a, b)}. */
    public static Tensor add(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** {@code torch.sub(a, b)}. */
    public static Tensor sub(Tensor a, Tensor b) {
        return a.sub(b);
    }

    /** {@code torch.mul(a, b)}. */
    public static Tensor mul(Tensor a, Tensor b) {
        return a.mul(b);
    }

    /** {@code torch.div(a, b)}. */
    public static Tensor div(Tensor a, Tensor b) {
        return a.div(b);
    }

    /** {@code torch.neg(x)}. */
    public static Tensor neg(Tensor x) {
        return x.neg();
    }

    /** {@code torch.abs(x)}. */
    public static Tensor abs(Tensor x) {
        return x.abs();
    }

    /** {@code torch.exp(x)}. */
    public static Tensor exp(Tensor x) {
        return x.exp();
    }

    /** {@code torch.log(x)}. */
    public static Tensor log(Tensor x) {
        return x.log();
    }

    /** {@code torch.sqrt(x)}. */
    public static Tensor sqrt(Tensor x) {
        return x.sqrt();
    }

    /** {@code torch.relu(x)}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    // ------------------------------------------------------------------ pointwise functional ops (more)

    // ------------------------------------------------------------------ end of pointwise functional ops

    // ------------------------------------------------------------------ reductions

    // ------------------------------------------------------------------ end of reductions

    // ------------------------------------------------------------------ linear algebra

    /** {@code torch.matmul(input, other)}: see {@link Tensor#matmul(Tensor)}. */
    public static Tensor matmul(Tensor input, Tensor other) {
        return input.matmul(other);
    }

    /** {@code torch.mm(input, mat2)}. */
    public static Tensor mm(Tensor input, Tensor mat2) {
        return input.mm(mat2);
    }

    /** {@code torch.bmm(input, mat2)}. */
    public static Tensor bmm(Tensor input, Tensor mat2) {
        return input.bmm(mat2);
    }

    /** {@code torch.mv(input, vec)}. */
    public static Tensor mv(Tensor input, Tensor vec) {
        return input.mv(vec);
    }

    /** {@code torch.dot(input, other)}. */
    public static Tensor dot(Tensor input, Tensor other) {
        return input.dot(other);
    }

    /** {@code torch.outer(input, vec2)}. */
    public static Tensor outer(Tensor input, Tensor vec2) {
        return input.outer(vec2);
    }

    /** {@code torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * input + alpha * (mat1 @ mat2)}. */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2, double beta, double alpha) {
        return input.addmm(mat1, mat2, beta, alpha);
    }

    /** {@code torch.addmm(input, mat1, mat2)}. */
    public static Tensor addmm(Tensor input, Tensor mat1, Tensor mat2) {
        return input.addmm(mat1, mat2);
    }

    // ------------------------------------------------------------------ end of linear algebra

    // ------------------------------------------------------------------ indexing and joining

    /** {@code torch.index_select(input, dim, index)}. */
    public static Tensor indexSelect(Tensor input, int dim, Tensor index) {
        return input.indexSelect(dim, index);
    }

    /** {@code torch.gather(input, dim, index)}. */
    public static Tensor gather(Tensor input, int dim, Tensor index) {
        return input.gather(dim, index);
    }

    /** {@code torch.scatter(input, dim, index, src)}. */
    public static Tensor scatter(Tensor input, int dim, Tensor index, Tensor src) {
        return input.scatter(dim, index, src);
    }

    /** {@code torch.scatter(input, dim, index, value)}. */
    public static Tensor scatter(Tensor input, int dim, Tensor index, double value) {
        return input.scatter(dim, index, value);
    }

    /** {@code torch.scatter_add(input, dim, index, src)}. */
    public static Tensor scatterAdd(Tensor input, int dim, Tensor index, Tensor src) {
        return input.scatterAdd(dim, index, src);
    }

    /** {@code torch.index_add(input, dim, index, source)}. */
    public static Tensor indexAdd(Tensor input, int dim, Tensor index, Tensor source) {
        return input.indexAdd(dim, index, source);
    }

    /** {@code torch.index_add(input, dim, index, source, alpha=alpha)}. */
    public static Tensor indexAdd(Tensor input, int dim, Tensor index, Tensor source, double alpha) {
        return input.indexAdd(dim, index, source, alpha);
    }

    /** {@code torch.index_copy(input, dim, index, source)}. */
    public static Tensor indexCopy(Tensor input, int dim, Tensor index, Tensor source) {
        return input.indexCopy(dim, index, source);
    }

    /** {@code torch.index_fill(input, dim, index, value)}. */
    public static Tensor indexFill(Tensor input, int dim, Tensor index, double value) {
        return input.indexFill(dim, index, value);
    }

    /** {@code torch.take(input, index)}. */
    public static Tensor take(Tensor input, Tensor index) {
        return input.take(index);
    }

    /** {@code torch.masked_select(input, mask)}. */
    public static Tensor maskedSelect(Tensor input, Tensor mask) {
        return input.maskedSelect(mask);
    }

    /** {@code torch.nonzero(input)}. */
    public static Tensor nonzero(Tensor input) {
        return input.nonzero();
    }

    /** {@code torch.nn.functional.one_hot(input, num_classes)}. */
    public static Tensor oneHot(Tensor input, int numClasses) {
        return input.oneHot(numClasses);
    }

    /** {@code torch.cat(tensors, dim)}. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Tensor.cat(tensors, dim);
    }

    /** {@code torch.cat(tensors)}. */
    public static Tensor cat(List<Tensor> tensors) {
        return Tensor.cat(tensors, 0);
    }

    /** {@code torch.stack(tensors, dim)}. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Tensor.stack(tensors, dim);
    }

    /** {@code torch.stack(tensors)}. */
    public static Tensor stack(List<Tensor> tensors) {
        return Tensor.stack(tensors, 0);
    }

    /** {@code torch.split(input, split_size, dim)}. */
    public static List<Tensor> split(Tensor input, int splitSize, int dim) {
        return input.split(splitSize, dim);
    }

    /** {@code torch.split(input, split_size)}. */
    public static List<Tensor> split(Tensor input, int splitSize) {
        return input.split(splitSize);
    }

    /** {@code torch.split(input, [sizes], dim)}. */
    public static List<Tensor> split(Tensor input, int[] sizes, int dim) {
        return input.split(sizes, dim);
    }

    /** {@code torch.chunk(input, chunks, dim)}. */
    public static List<Tensor> chunk(Tensor input, int chunks, int dim) {
        return input.chunk(chunks, dim);
    }

    /** {@code torch.chunk(input, chunks)}. */
    public static List<Tensor> chunk(Tensor input, int chunks) {
        return input.chunk(chunks);
    }

    /** {@code torch.unbind(input, dim)}. */
    public static List<Tensor> unbind(Tensor input, int dim) {
        return input.unbind(dim);
    }

    /** {@code torch.unbind(input)}. */
    public static List<Tensor> unbind(Tensor input) {
        return input.unbind();
    }

    /** {@code torch.nn.functional.pad(input, pad, mode='constant', value=value)}. */
    public static Tensor pad(Tensor input, int[] pad, double value) {
        return input.pad(pad, value);
    }

    /** {@code torch.nn.functional.pad(input, pad)}. */
    public static Tensor pad(Tensor input, int... pad) {
        return input.pad(pad);
    }

    /** {@code torch.flip(input, dims)}. */
    public static Tensor flip(Tensor input, int... dims) {
        return input.flip(dims);
    }

    /** {@code torch.roll(input, shifts, dims)}. */
    public static Tensor roll(Tensor input, int[] shifts, int[] dims) {
        return input.roll(shifts, dims);
    }

    /** {@code torch.roll(input, shift, dim)}. */
    public static Tensor roll(Tensor input, int shift, int dim) {
        return input.roll(shift, dim);
    }

    /** {@code torch.roll(input, shift)}. */
    public static Tensor roll(Tensor input, int shift) {
        return input.roll(shift);
    }

    /** {@code torch.tril(input, diagonal)}. */
    public static Tensor tril(Tensor input, int diagonal) {
        return input.tril(diagonal);
    }

    /** {@code torch.tril(input)}. */
    public static Tensor tril(Tensor input) {
        return input.tril();
    }

    /** {@code torch.triu(input, diagonal)}. */
    public static Tensor triu(Tensor input, int diagonal) {
        return input.triu(diagonal);
    }

    /** {@code torch.triu(input)}. */
    public static Tensor triu(Tensor input) {
        return input.triu();
    }

    /** {@code torch.diag(input, diagonal)}. */
    public static Tensor diag(Tensor input, int diagonal) {
        return input.diag(diagonal);
    }

    /** {@code torch.diag(input)}. */
    public static Tensor diag(Tensor input) {
        return input.diag();
    }

    /** {@code torch.diagonal(input, offset, dim1, dim2)}. */
    public static Tensor diagonal(Tensor input, int offset, int dim1, int dim2) {
        return input.diagonal(offset, dim1, dim2);
    }

    /** {@code torch.diagonal(input)}. */
    public static Tensor diagonal(Tensor input) {
        return input.diagonal();
    }

    // ------------------------------------------------------------------ end of indexing and joining
}
