package dev.jtorch;

import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;

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

    // ------------------------------------------------------------------ end of linear algebra

    // ------------------------------------------------------------------ indexing and joining

    // ------------------------------------------------------------------ end of indexing and joining
}
