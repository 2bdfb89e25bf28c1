package dev.jtorch;

import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Parallel;
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

    // ------------------------------------------------------------------ threads

    /** {@code torch.set_num_threads(n)}: the size of the one pool jtorch's kernels split large work on. */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    /** {@code torch.get_num_threads()}: by default the number of available processors. */
    public static int getNumThreads() {
        return Parallel.getNumThreads();
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

    /** {@code torch.as_strided(input, size, stride, storage_offset)}: a view of input's storage. */
    public static Tensor asStrided(Tensor input, int[] size, int[] stride, int storageOffset) {
        return input.asStrided(size, stride, storageOffset);
    }

    // ------------------------------------------------------------------ pointwise functional ops (more)

    /** {@code torch.add(a, b, alpha=alpha)}. */
    public static Tensor add(Tensor a, Tensor b, double alpha) {
        return a.add(b, alpha);
    }

    /** {@code torch.sub(a, b, alpha=alpha)}. */
    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        return a.sub(b, alpha);
    }

    /** {@code torch.rsub(input, other)} = {@code other - input}. */
    public static Tensor rsub(Tensor input, Tensor other) {
        return input.rsub(other);
    }

    /** {@code torch.div(a, b, rounding_mode=mode)}. */
    public static Tensor div(Tensor a, Tensor b, String roundingMode) {
        return a.div(b, roundingMode);
    }

    /** {@code torch.pow(input, exponent)}. */
    public static Tensor pow(Tensor input, Tensor exponent) {
        return input.pow(exponent);
    }

    /** {@code torch.pow(input, exponent)} with a Python-float exponent. */
    public static Tensor pow(Tensor input, double exponent) {
        return input.pow(exponent);
    }

    /** {@code torch.pow(input, exponent)} with a Python-int exponent. */
    public static Tensor pow(Tensor input, long exponent) {
        return input.pow(exponent);
    }

    /** {@code torch.pow(self, exponent)} with a Python-number base (PowBackward2). */
    public static Tensor pow(double self, Tensor exponent) {
        return PointwiseOps.pow(self, exponent);
    }

    /** {@code torch.square(input)}. */
    public static Tensor square(Tensor input) {
        return input.square();
    }

    /** {@code torch.maximum(input, other)}. */
    public static Tensor maximum(Tensor input, Tensor other) {
        return input.maximum(other);
    }

    /** {@code torch.minimum(input, other)}. */
    public static Tensor minimum(Tensor input, Tensor other) {
        return input.minimum(other);
    }

    /** {@code torch.atan2(input, other)}. */
    public static Tensor atan2(Tensor input, Tensor other) {
        return input.atan2(other);
    }

    /** {@code torch.remainder(input, other)}. */
    public static Tensor remainder(Tensor input, Tensor other) {
        return input.remainder(other);
    }

    /** {@code torch.remainder(input, other)} with a Python float. */
    public static Tensor remainder(Tensor input, double other) {
        return input.remainder(other);
    }

    /** {@code torch.fmod(input, other)}. */
    public static Tensor fmod(Tensor input, Tensor other) {
        return input.fmod(other);
    }

    /** {@code torch.fmod(input, other)} with a Python float. */
    public static Tensor fmod(Tensor input, double other) {
        return input.fmod(other);
    }

    /** {@code torch.sign(input)}. */
    public static Tensor sign(Tensor input) {
        return input.sign();
    }

    /** {@code torch.exp2(input)}. */
    public static Tensor exp2(Tensor input) {
        return input.exp2();
    }

    /** {@code torch.expm1(input)}. */
    public static Tensor expm1(Tensor input) {
        return input.expm1();
    }

    /** {@code torch.log2(input)}. */
    public static Tensor log2(Tensor input) {
        return input.log2();
    }

    /** {@code torch.log10(input)}. */
    public static Tensor log10(Tensor input) {
        return input.log10();
    }

    /** {@code torch.log1p(input)}. */
    public static Tensor log1p(Tensor input) {
        return input.log1p();
    }

    /** {@code torch.rsqrt(input)}. */
    public static Tensor rsqrt(Tensor input) {
        return input.rsqrt();
    }

    /** {@code torch.reciprocal(input)}. */
    public static Tensor reciprocal(Tensor input) {
        return input.reciprocal();
    }

    /** {@code torch.sin(input)}. */
    public static Tensor sin(Tensor input) {
        return input.sin();
    }

    /** {@code torch.cos(input)}. */
    public static Tensor cos(Tensor input) {
        return input.cos();
    }

    /** {@code torch.tan(input)}. */
    public static Tensor tan(Tensor input) {
        return input.tan();
    }

    /** {@code torch.tanh(input)}. */
    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /** {@code torch.sigmoid(input)}. */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    /** {@code torch.erf(input)}. */
    public static Tensor erf(Tensor input) {
        return input.erf();
    }

    /** {@code torch.floor(input)}. */
    public static Tensor floor(Tensor input) {
        return input.floor();
    }

    /** {@code torch.ceil(input)}. */
    public static Tensor ceil(Tensor input) {
        return input.ceil();
    }

    /** {@code torch.round(input)}. */
    public static Tensor round(Tensor input) {
        return input.round();
    }

    /** {@code torch.round(input, decimals=decimals)}. */
    public static Tensor round(Tensor input, int decimals) {
        return input.round(decimals);
    }

    /** {@code torch.trunc(input)}. */
    public static Tensor trunc(Tensor input) {
        return input.trunc();
    }

    /** {@code torch.clamp(input, min, max)}; either bound may be null. */
    public static Tensor clamp(Tensor input, Number min, Number max) {
        return input.clamp(min, max);
    }

    /** {@code torch.clamp(input, min, max)} with tensor bounds (either may be null). */
    public static Tensor clamp(Tensor input, Tensor min, Tensor max) {
        return input.clamp(min, max);
    }

    /** {@code torch.clamp_min(input, min)}. */
    public static Tensor clampMin(Tensor input, Number min) {
        return input.clampMin(min);
    }

    /** {@code torch.clamp_max(input, max)}. */
    public static Tensor clampMax(Tensor input, Number max) {
        return input.clampMax(max);
    }

    /** {@code torch.where(condition, input, other)}. */
    public static Tensor where(Tensor condition, Tensor input, Tensor other) {
        return Tensor.where(condition, input, other);
    }

    /** {@code torch.where(condition, input, other)} with a Python-number {@code other}. */
    public static Tensor where(Tensor condition, Tensor input, Number other) {
        return Tensor.where(condition, input, other);
    }

    /** {@code torch.where(condition, input, other)} with a Python-number {@code input}. */
    public static Tensor where(Tensor condition, Number input, Tensor other) {
        return Tensor.where(condition, input, other);
    }

    /** {@code torch.where(condition, input, other)} with two Python numbers. */
    public static Tensor where(Tensor condition, Number input, Number other) {
        return Tensor.where(condition, input, other);
    }

    /** {@code torch.masked_fill(input, mask, value)}. */
    public static Tensor maskedFill(Tensor input, Tensor mask, double value) {
        return input.maskedFill(mask, value);
    }

    /** {@code torch.eq(input, other)}. */
    public static Tensor eq(Tensor input, Tensor other) {
        return input.eq(other);
    }

    /** {@code torch.ne(input, other)}. */
    public static Tensor ne(Tensor input, Tensor other) {
        return input.ne(other);
    }

    /** {@code torch.lt(input, other)}. */
    public static Tensor lt(Tensor input, Tensor other) {
        return input.lt(other);
    }

    /** {@code torch.le(input, other)}. */
    public static Tensor le(Tensor input, Tensor other) {
        return input.le(other);
    }

    /** {@code torch.gt(input, other)}. */
    public static Tensor gt(Tensor input, Tensor other) {
        return input.gt(other);
    }

    /** {@code torch.ge(input, other)}. */
    public static Tensor ge(Tensor input, Tensor other) {
        return input.ge(other);
    }

    /** {@code torch.logical_and(input, other)}. */
    public static Tensor logicalAnd(Tensor input, Tensor other) {
        return input.logicalAnd(other);
    }

    /** {@code torch.logical_or(input, other)}. */
    public static Tensor logicalOr(Tensor input, Tensor other) {
        return input.logicalOr(other);
    }

    /** {@code torch.logical_xor(input, other)}. */
    public static Tensor logicalXor(Tensor input, Tensor other) {
        return input.logicalXor(other);
    }

    /** {@code torch.logical_not(input)}. */
    public static Tensor logicalNot(Tensor input) {
        return input.logicalNot();
    }

    /** {@code torch.isnan(input)}. */
    public static Tensor isnan(Tensor input) {
        return input.isnan();
    }

    /** {@code torch.isinf(input)}. */
    public static Tensor isinf(Tensor input) {
        return input.isinf();
    }

    /** {@code torch.isfinite(input)}. */
    public static Tensor isfinite(Tensor input) {
        return input.isfinite();
    }

    /** {@code torch.addcmul(input, tensor1, tensor2, value=value)}. */
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2, double value) {
        return input.addcmul(tensor1, tensor2, value);
    }

    /** {@code torch.addcdiv(input, tensor1, tensor2, value=value)}. */
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, double value) {
        return input.addcdiv(tensor1, tensor2, value);
    }

    /** {@code torch.lerp(input, end, weight)}. */
    public static Tensor lerp(Tensor input, Tensor end, double weight) {
        return input.lerp(end, weight);
    }

    /** {@code torch.lerp(input, end, weight)} with a tensor weight. */
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) {
        return input.lerp(end, weight);
    }

    // ------------------------------------------------------------------ end of pointwise functional ops

    // ------------------------------------------------------------------ reductions

    /** {@code torch.sum(input)}. */
    public static Tensor sum(Tensor input) {
        return input.sum();
    }

    /** {@code torch.sum(input, dim)}. */
    public static Tensor sum(Tensor input, int... dims) {
        return input.sum(dims);
    }

    /** {@code torch.sum(input, dim, keepdim)}. */
    public static Tensor sum(Tensor input, int[] dims, boolean keepdim) {
        return input.sum(dims, keepdim);
    }

    /** {@code torch.mean(input)}. */
    public static Tensor mean(Tensor input) {
        return input.mean();
    }

    /** {@code torch.mean(input, dim)}. */
    public static Tensor mean(Tensor input, int... dims) {
        return input.mean(dims);
    }

    /** {@code torch.mean(input, dim, keepdim)}. */
    public static Tensor mean(Tensor input, int[] dims, boolean keepdim) {
        return input.mean(dims, keepdim);
    }

    /** {@code torch.prod(input)}. */
    public static Tensor prod(Tensor input) {
        return input.prod();
    }

    /** {@code torch.prod(input, dim)}. */
    public static Tensor prod(Tensor input, int dim) {
        return input.prod(dim);
    }

    /** {@code torch.prod(input, dim, keepdim)}. */
    public static Tensor prod(Tensor input, int dim, boolean keepdim) {
        return input.prod(dim, keepdim);
    }

    /** {@code torch.max(input)}. */
    public static Tensor max(Tensor input) {
        return input.max();
    }

    /** {@code torch.max(input, dim)}: values and indices. */
    public static MaxMin max(Tensor input, int dim) {
        return input.max(dim);
    }

    /** {@code torch.max(input, dim, keepdim)}: values and indices. */
    public static MaxMin max(Tensor input, int dim, boolean keepdim) {
        return input.max(dim, keepdim);
    }

    /** {@code torch.min(input)}. */
    public static Tensor min(Tensor input) {
        return input.min();
    }

    /** {@code torch.min(input, dim)}: values and indices. */
    public static MaxMin min(Tensor input, int dim) {
        return input.min(dim);
    }

    /** {@code torch.min(input, dim, keepdim)}: values and indices. */
    public static MaxMin min(Tensor input, int dim, boolean keepdim) {
        return input.min(dim, keepdim);
    }

    /** {@code torch.amax(input, dim, keepdim)}. */
    public static Tensor amax(Tensor input, int[] dims, boolean keepdim) {
        return input.amax(dims, keepdim);
    }

    /** {@code torch.amin(input, dim, keepdim)}. */
    public static Tensor amin(Tensor input, int[] dims, boolean keepdim) {
        return input.amin(dims, keepdim);
    }

    /** {@code torch.argmax(input)}. */
    public static Tensor argmax(Tensor input) {
        return input.argmax();
    }

    /** {@code torch.argmax(input, dim, keepdim)}. */
    public static Tensor argmax(Tensor input, int dim, boolean keepdim) {
        return input.argmax(dim, keepdim);
    }

    /** {@code torch.argmin(input)}. */
    public static Tensor argmin(Tensor input) {
        return input.argmin();
    }

    /** {@code torch.argmin(input, dim, keepdim)}. */
    public static Tensor argmin(Tensor input, int dim, boolean keepdim) {
        return input.argmin(dim, keepdim);
    }

    /** {@code torch.var(input)}. */
    public static Tensor var(Tensor input) {
        return input.var();
    }

    /** {@code torch.var(input, dim, correction=correction, keepdim=keepdim)}. */
    public static Tensor var(Tensor input, int[] dims, double correction, boolean keepdim) {
        return input.var(dims, correction, keepdim);
    }

    /** {@code torch.std(input)}. */
    public static Tensor std(Tensor input) {
        return input.std();
    }

    /** {@code torch.std(input, dim, correction=correction, keepdim=keepdim)}. */
    public static Tensor std(Tensor input, int[] dims, double correction, boolean keepdim) {
        return input.std(dims, correction, keepdim);
    }

    /** {@code torch.logsumexp(input, dim, keepdim)}. */
    public static Tensor logsumexp(Tensor input, int[] dims, boolean keepdim) {
        return input.logsumexp(dims, keepdim);
    }

    /** {@code torch.norm(input)}. */
    public static Tensor norm(Tensor input) {
        return input.norm();
    }

    /** {@code torch.norm(input, p, dim, keepdim)}; null dims means all. */
    public static Tensor norm(Tensor input, double p, int[] dims, boolean keepdim) {
        return input.norm(p, dims, keepdim);
    }

    /** {@code torch.all(input)}. */
    public static Tensor all(Tensor input) {
        return input.all();
    }

    /** {@code torch.any(input)}. */
    public static Tensor any(Tensor input) {
        return input.any();
    }

    /** {@code torch.cumsum(input, dim)}. */
    public static Tensor cumsum(Tensor input, int dim) {
        return input.cumsum(dim);
    }

    /** {@code torch.cumprod(input, dim)}. */
    public static Tensor cumprod(Tensor input, int dim) {
        return input.cumprod(dim);
    }

    /** {@code torch.softmax(input, dim)}. */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /** {@code torch.log_softmax(input, dim)}. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

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

    // ------------------------------------------------------------------ convolution (ConvOps.java)

    /**
     * {@code torch.conv2d(input, weight, bias, stride, padding, dilation, groups)}: input
     * {@code [N, C, H, W]} or unbatched {@code [C, H, W]}, weight {@code [O, C/groups, kh, kw]},
     * bias {@code [O]} or null; {@code stride}, {@code padding}, {@code dilation} hold one value
     * for both dims or one per dim. {@code grad_fn=<ConvolutionBackward0>}.
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return ConvOps.conv("conv2d", 2, input, weight, bias, stride, padding, null, dilation, groups);
    }

    /** {@code torch.conv2d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation,
                                int groups) {
        return ConvOps.conv("conv2d", 2, input, weight, bias, stride, new int[] {0}, padding, dilation, groups);
    }

    /** {@code torch.conv2d(input, weight, bias)}: stride 1, padding 0, dilation 1, groups 1. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /** {@code torch.conv1d(input, weight, bias, stride, padding, dilation, groups)}: input {@code [N, C, L]} or {@code [C, L]}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return ConvOps.conv("conv1d", 1, input, weight, bias, new int[] {stride}, new int[] {padding}, null,
                new int[] {dilation}, groups);
    }

    /** {@code torch.conv1d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation,
                                int groups) {
        return ConvOps.conv("conv1d", 1, input, weight, bias, new int[] {stride}, new int[] {0}, padding,
                new int[] {dilation}, groups);
    }

    /** {@code torch.conv1d(input, weight, bias)}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, 1, 0, 1, 1);
    }

    /**
     * {@code torch.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}:
     * weight {@code [Cin, Cout/groups, kh, kw]}; the adjoint (input gradient) of {@link #conv2d}.
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return ConvOps.convTranspose("conv_transpose2d", 2, input, weight, bias, stride, padding, outputPadding, groups,
                dilation);
    }

    /** {@code torch.conv_transpose2d(input, weight, bias)}: stride 1, no padding, dilation 1, groups 1. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose2d(input, weight, bias, new int[] {1}, new int[] {0}, new int[] {0}, 1, new int[] {1});
    }

    /** {@code torch.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)}. */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding,
                                         int outputPadding, int groups, int dilation) {
        return ConvOps.convTranspose("conv_transpose1d", 1, input, weight, bias, new int[] {stride},
                new int[] {padding}, new int[] {outputPadding}, groups, new int[] {dilation});
    }

    /** {@code torch.conv_transpose1d(input, weight, bias)}. */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose1d(input, weight, bias, 1, 0, 0, 1, 1);
    }
    // ------------------------------------------------------------------ end of convolution

    // ------------------------------------------------------------------ pooling (PoolOps.java)

    /**
     * {@code torch.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)} on
     * {@code [N, C, H, W]} or {@code [C, H, W]}: each int list has one element (both dims) or two
     * (height, width); an empty {@code stride} means the kernel size. Records
     * {@code MaxPool2DWithIndicesBackward0}, as PyTorch does.
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return PoolOps.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode).values();
    }

    /** {@code torch.max_pool2d_with_indices(...)}: values and int64 indices {@code h * W + w} within each plane. */
    public static PooledWithIndices maxPool2dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
            int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code torch.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode)} on {@code [N, C, L]}
     * or {@code [C, L]}, with its argument checks; pooled through the 2-d op ({@code SqueezeBackward1}).
     */
    public static Tensor maxPool1d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return PoolOps.maxPool1d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code torch.max_pool1d_with_indices(...)}: values and int64 indices along the length. */
    public static PooledWithIndices maxPool1dWithIndices(Tensor input, int[] kernelSize, int[] stride, int[] padding,
            int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool1dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code torch.nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad,
     * divisor_override)}; an empty {@code stride} means the kernel size, a null {@code divisorOverride} none.
     * Records {@code AvgPool2DBackward0}.
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad, Integer divisorOverride) {
        return PoolOps.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** {@code torch.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)} ({@code SqueezeBackward1}). */
    public static Tensor avgPool1d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad) {
        return PoolOps.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /**
     * {@code torch.nn.functional.adaptive_avg_pool2d(input, output_size)}: records
     * {@code AdaptiveAvgPool2DBackward0}, or {@code MeanBackward1} for a {@code (1, 1)} output, which
     * PyTorch computes as {@code input.mean((-1, -2), keepdim=True)}.
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int... outputSize) {
        return PoolOps.adaptiveAvgPool2d(input, outputSize);
    }

    /** {@code torch.adaptive_avg_pool1d(input, output_size)} ({@code SqueezeBackward1}). */
    public static Tensor adaptiveAvgPool1d(Tensor input, int... outputSize) {
        return PoolOps.adaptiveAvgPool1d(input, outputSize);
    }
    /**
     * {@code torch.adaptive_max_pool2d(input, output_size)}: the maximum of each adaptive window and its
     * int64 index {@code h * W + w} within the plane ({@code AdaptiveMaxPool2DBackward0}).
     */
    public static PooledWithIndices adaptiveMaxPool2d(Tensor input, int... outputSize) {
        return PoolOps.adaptiveMaxPool2d(input, outputSize);
    }

    // ------------------------------------------------------------------ end of pooling
}
