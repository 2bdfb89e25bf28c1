package dev.jtorch;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.autograd.AutogradMeta;
import dev.jtorch.autograd.HookHandle;
import dev.jtorch.autograd.Hooks;
import dev.jtorch.autograd.Node;
import dev.jtorch.autograd.VersionCounter;
import dev.jtorch.autograd.ViewMeta;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shape;
import dev.jtorch.tensor.TensorFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The user-facing tensor, {@code torch.Tensor}: an {@link NDArray} plus autograd state
 * (requires_grad, grad, grad_fn, version counter). Every op is a one-line delegation to the
 * differentiable op families of this package ({@code PointwiseOps}, {@code ViewOps}, ...),
 * which record the graph when grad mode is on and an input requires grad.
 */
public class Tensor {
    private NDArray data;
    private VersionCounter version;
    private AutogradMeta meta;
    /** The tensor this one is a view of ({@code _base}), or null. */
    private final Tensor base;

    /** Wraps {@code data} without copying: a leaf that does not require grad. */
    public Tensor(NDArray data) {
        this(data, new VersionCounter(), null);
    }

    /** For subclasses such as {@code nn.Parameter}: a leaf sharing {@code other}'s storage and version counter. */
    protected Tensor(Tensor other) {
        this(other.data, other.version, null);
    }

    private Tensor(NDArray data, VersionCounter version, Tensor base) {
        this.data = data;
        this.version = version;
        this.base = base;
    }

    /**
     * A view of {@code parent} made by a view op: shares its storage and version counter, and is a
     * differentiable view of the parent's root ({@code _base}), so in-place changes through it
     * reach the root's gradient (see {@code CopySlices}).
     */
    static Tensor viewOf(Tensor parent, NDArray view) {
        ViewMeta pv = parent.meta == null ? null : parent.meta.viewMeta();
        Tensor root = pv != null ? pv.base() : parent;
        Tensor t = new Tensor(view, parent.version, root);
        t.autogradMeta().markView(t, root, pv);
        return t;
    }

    // ------------------------------------------------------------------ the array and metadata

    /** The underlying array (no history); ops use it, users rarely need it. */
    public NDArray array() {
        return data;
    }

    /** {@code tensor.dtype}. */
    public DType dtype() {
        return data.dtype();
    }

    /** {@code tensor.shape}. */
    public Shape shape() {
        return data.shape();
    }

    /** {@code list(tensor.shape)}. */
    public int[] sizes() {
        return data.sizes();
    }

    /** {@code tensor.size(dim)}. */
    public int size(int dim) {
        return data.size(dim);
    }

    /** {@code tensor.stride()}. */
    public int[] stride() {
        return data.stride();
    }

    /** {@code tensor.storage_offset()}. */
    public int storageOffset() {
        return data.storageOffset();
    }

    /** {@code tensor.dim()}. */
    public int dim() {
        return data.dim();
    }

    /** {@code tensor.numel()}. */
    public int numel() {
        return data.numel();
    }

    /** {@code tensor.is_contiguous()}. */
    public boolean isContiguous() {
        return data.isContiguous();
    }

    /** {@code tensor.item()}. */
    public double item() {
        return data.item();
    }

    /** {@code tensor.item()} for integer tensors. */
    public long itemLong() {
        return data.itemLong();
    }

    /** The elements in row-major order as floats. */
    public float[] toFloatArray() {
        return data.toFloatArray();
    }

    /** The elements in row-major order as doubles. */
    public double[] toDoubleArray() {
        return data.toDoubleArray();
    }

    /** The elements in row-major order as longs. */
    public long[] toLongArray() {
        return data.toLongArray();
    }

    /** The elements in row-major order as booleans. */
    public boolean[] toBooleanArray() {
        return data.toBooleanArray();
    }

    /** The element at {@code index} as a double. */
    public double getDouble(int... index) {
        return data.getDouble(index);
    }

    // ------------------------------------------------------------------ autograd state

    /** PyTorch's AutogradMeta of this tensor, created on first use (internal to jtorch). */
    public AutogradMeta autogradMeta() {
        if (meta == null) {
            meta = new AutogradMeta();
        }
        return meta;
    }

    /** {@code tensor.requires_grad}. */
    public boolean requiresGrad() {
        return meta != null && meta.requiresGrad();
    }

    /** {@code tensor.requires_grad_(flag)}: only leaves of floating dtype may change it. */
    public Tensor requiresGrad_(boolean flag) {
        if (!isLeaf()) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to "
                    + "use a computed variable in a subgraph that doesn't require differentiation use "
                    + "var_no_grad = var.detach().");
        }
        if (flag && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        autogradMeta().setRequiresGrad(flag);
        return this;
    }

    /** {@code tensor.requires_grad_()}. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /** {@code tensor.grad}: the accumulated gradient of a leaf (or of a non-leaf after {@link #retainGrad()}). */
    public Tensor grad() {
        return meta == null ? null : meta.grad();
    }

    /** {@code tensor.grad = g}; null resets it. */
    public void setGrad(Tensor g) {
        if (g != null && !java.util.Arrays.equals(g.sizes(), sizes())) {
            throw new IllegalArgumentException("assigned grad has data of a different size");
        }
        autogradMeta().setGrad(g);
    }

    /** {@code tensor.grad_fn}: the node that produced this tensor, or null for leaves. */
    public Node gradFn() {
        return meta == null ? null : meta.gradFn();
    }

    /** {@code tensor.is_leaf}. */
    public boolean isLeaf() {
        return gradFn() == null;
    }

    /** {@code tensor._version}: bumped by each in-place op on this storage. */
    public int version() {
        return version.get();
    }

    /** Records an in-place modification (called by in-place ops). */
    public void bumpVersion() {
        version.bump();
    }

    /** {@code tensor._base}: the tensor this is a view of, or null. */
    public Tensor base() {
        return base;
    }

    /** A new identity for an output that a function returned unchanged (internal). */
    public Tensor aliasForOutput() {
        return viewOf(this, data);
    }

    /** {@code tensor.backward()} for a scalar output. */
    public void backward() {
        Autograd.backward(new Tensor[] {this}, null, false, false);
    }

    /** {@code tensor.backward(gradient)}. */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    /** {@code tensor.backward(gradient, retain_graph, create_graph)}; gradient may be null for scalars. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Autograd.backward(new Tensor[] {this}, new Tensor[] {gradient}, retainGraph, createGraph);
    }

    /** {@code tensor.detach()}: same storage and version counter, no history. */
    public Tensor detach() {
        return new Tensor(data, version, base);
    }

    /** {@code tensor.detach_()}: drops this tensor's history in place. */
    public Tensor detach_() {
        if (meta != null) {
            meta.clearGradFn();
            meta.setRequiresGrad(false);
        }
        return this;
    }

    /** {@code tensor.data}: shares storage, no history, and in-place changes through it are not tracked. */
    public Tensor data() {
        return new Tensor(data);
    }

    /** {@code tensor.data = other}: replaces the array (shapes may differ), keeping autograd state. */
    public void setData(Tensor other) {
        this.data = other.data;
    }

    /** {@code tensor.retain_grad()}: keep the gradient of this non-leaf in {@link #grad()}. */
    public void retainGrad() {
        if (isLeaf()) {
            return;
        }
        if (!requiresGrad()) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        AutogradMeta m = autogradMeta();
        if (m.retainsGrad()) {
            return;
        }
        Hooks.retainGrad(this);
    }

    /**
     * {@code tensor.register_hook(hook)}: {@code hook} sees this tensor's gradient during backward
     * and may return a replacement (or null to keep it). Returns a handle whose {@code remove()}
     * unregisters it.
     */
    public HookHandle registerHook(UnaryOperator<Tensor> hook) {
        if (!requiresGrad()) {
            throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        }
        return Hooks.register(this, hook);
    }

    // ------------------------------------------------------------------ creation helpers used by autograd

    /** {@code torch.zeros(shape, dtype=dtype)}. */
    public static Tensor zeros(DType dtype, int... shape) {
        return new Tensor(NDArray.zeros(dtype, shape));
    }

    /** {@code torch.ones_like(t)}. */
    public static Tensor onesLike(Tensor t) {
        return new Tensor(NDArray.onesLike(t.data));
    }

    /** {@code torch.zeros_like(t)}. */
    public static Tensor zerosLike(Tensor t) {
        return new Tensor(NDArray.zerosLike(t.data));
    }

    // ------------------------------------------------------------------ printing

    /** What {@code repr(tensor)} prints, with {@code grad_fn=<...>} or {@code requires_grad=True}. */
    @Override
    public String toString() {
        return tensorRepr();
    }

    /** The {@code tensor(...)} form, for subclasses that add a prefix. */
    protected final String tensorRepr() {
        List<String> suffixes = new ArrayList<>(1);
        Node fn = gradFn();
        if (fn != null) {
            suffixes.add("grad_fn=<" + fn.name() + ">");
        } else if (requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        return TensorFormatter.format(data, suffixes);
    }
    // ------------------------------------------------------------------ ops (one-line delegations)

    // pointwise (PointwiseOps.java)

    /** {@code torch.add(self, other)}. */
    public Tensor add(Tensor other) {
        return PointwiseOps.add(this, other, 1.0);
    }

    /** {@code torch.add(self, other, alpha=alpha)}: {@code self + alpha * other}, fused as PyTorch's kernel. */
    public Tensor add(Tensor other, double alpha) {
        return PointwiseOps.add(this, other, alpha);
    }

    /** {@code torch.add(self, other, alpha=alpha)} with an integral alpha. */
    public Tensor add(Tensor other, long alpha) {
        return PointwiseOps.add(this, other, alpha);
    }

    /** {@code self + other} with a Python float. */
    public Tensor add(double other) {
        return PointwiseOps.add(this, other);
    }

    /** {@code self + other} with a Python int: int64 tensors stay int64. */
    public Tensor add(long other) {
        return PointwiseOps.add(this, other);
    }

    /** {@code torch.sub(self, other)}. */
    public Tensor sub(Tensor other) {
        return PointwiseOps.sub(this, other, 1.0);
    }

    /** {@code torch.sub(self, other, alpha=alpha)}: {@code self - alpha * other}. */
    public Tensor sub(Tensor other, double alpha) {
        return PointwiseOps.sub(this, other, alpha);
    }

    /** {@code self - other} with a Python float. */
    public Tensor sub(double other) {
        return PointwiseOps.sub(this, other);
    }

    /** {@code self - other} with a Python int. */
    public Tensor sub(long other) {
        return PointwiseOps.sub(this, other);
    }

    /** {@code torch.rsub(self, other)} = {@code other - self}. */
    public Tensor rsub(Tensor other) {
        return PointwiseOps.rsub(this, other);
    }

    /** {@code other - self} with a Python float ({@code torch.rsub(self, other)}). */
    public Tensor rsub(double other) {
        return PointwiseOps.rsub(this, other);
    }

    /** {@code other - self} with a Python int. */
    public Tensor rsub(long other) {
        return PointwiseOps.rsub(this, other);
    }

    /** {@code torch.mul(self, other)}. */
    public Tensor mul(Tensor other) {
        return PointwiseOps.mul(this, other);
    }

    /** {@code self * other} with a Python float. */
    public Tensor mul(double other) {
        return PointwiseOps.mul(this, other);
    }

    /** {@code self * other} with a Python int. */
    public Tensor mul(long other) {
        return PointwiseOps.mul(this, other);
    }

    /** {@code torch.div(self, other)}: true division. */
    public Tensor div(Tensor other) {
        return PointwiseOps.div(this, other);
    }

    /** {@code self / other} with a Python float. */
    public Tensor div(double other) {
        return PointwiseOps.div(this, other);
    }

    /** {@code self / other} with a Python int. */
    public Tensor div(long other) {
        return PointwiseOps.div(this, other);
    }

    /** {@code torch.div(self, other, rounding_mode=mode)}: null, {@code "trunc"} or {@code "floor"} (zero gradients). */
    public Tensor div(Tensor other, String roundingMode) {
        return PointwiseOps.div(this, other, roundingMode);
    }

    /** {@code torch.div(self, other, rounding_mode=mode)} with a Python float. */
    public Tensor div(double other, String roundingMode) {
        return PointwiseOps.div(this, other, roundingMode);
    }

    /** {@code torch.pow(self, exponent)} with a tensor exponent. */
    public Tensor pow(Tensor exponent) {
        return PointwiseOps.pow(this, exponent);
    }

    /** {@code torch.pow(self, exponent)} with a Python-float exponent. */
    public Tensor pow(double exponent) {
        return PointwiseOps.pow(this, exponent);
    }

    /** {@code torch.pow(self, exponent)} with a Python-int exponent (int64 stays int64). */
    public Tensor pow(long exponent) {
        return PointwiseOps.pow(this, exponent);
    }

    /** {@code torch.square(self)} = {@code pow(self, 2)}. */
    public Tensor square() {
        return PointwiseOps.pow(this, 2L);
    }

    /** {@code torch.maximum(self, other)}: NaN-propagating; ties share the gradient. */
    public Tensor maximum(Tensor other) {
        return PointwiseOps.extremum(this, other, true);
    }

    /** {@code torch.minimum(self, other)}: NaN-propagating; ties share the gradient. */
    public Tensor minimum(Tensor other) {
        return PointwiseOps.extremum(this, other, false);
    }

    /** {@code torch.atan2(self, other)}. */
    public Tensor atan2(Tensor other) {
        return PointwiseOps.atan2(this, other);
    }

    /** {@code torch.remainder(self, other)}: Python's {@code %}, the sign of the divisor. */
    public Tensor remainder(Tensor other) {
        return PointwiseOps.modulo(this, other, true);
    }

    /** {@code torch.remainder(self, other)} with a Python float. */
    public Tensor remainder(double other) {
        return PointwiseOps.modulo(this, other, true);
    }

    /** {@code torch.remainder(self, other)} with a Python int. */
    public Tensor remainder(long other) {
        return PointwiseOps.modulo(this, other, true);
    }

    /** {@code torch.fmod(self, other)}: C's fmod, the sign of the dividend. */
    public Tensor fmod(Tensor other) {
        return PointwiseOps.modulo(this, other, false);
    }

    /** {@code torch.fmod(self, other)} with a Python float. */
    public Tensor fmod(double other) {
        return PointwiseOps.modulo(this, other, false);
    }

    /** {@code torch.fmod(self, other)} with a Python int. */
    public Tensor fmod(long other) {
        return PointwiseOps.modulo(this, other, false);
    }

    /** {@code torch.neg}. */
    public Tensor neg() {
        return UnaryMathOps.neg(this);
    }

    /** {@code torch.abs}. */
    public Tensor abs() {
        return UnaryMathOps.abs(this);
    }

    /** {@code torch.sign}: zero gradient. */
    public Tensor sign() {
        return UnaryMathOps.sign(this);
    }

    /** {@code torch.exp}. */
    public Tensor exp() {
        return UnaryMathOps.exp(this);
    }

    /** {@code torch.exp2}. */
    public Tensor exp2() {
        return UnaryMathOps.exp2(this);
    }

    /** {@code torch.expm1}. */
    public Tensor expm1() {
        return UnaryMathOps.expm1(this);
    }

    /** {@code torch.log}. */
    public Tensor log() {
        return UnaryMathOps.log(this);
    }

    /** {@code torch.log2}. */
    public Tensor log2() {
        return UnaryMathOps.log2(this);
    }

    /** {@code torch.log10}. */
    public Tensor log10() {
        return UnaryMathOps.log10(this);
    }

    /** {@code torch.log1p}. */
    public Tensor log1p() {
        return UnaryMathOps.log1p(this);
    }

    /** {@code torch.sqrt}. */
    public Tensor sqrt() {
        return UnaryMathOps.sqrt(this);
    }

    /** {@code torch.rsqrt}. */
    public Tensor rsqrt() {
        return UnaryMathOps.rsqrt(this);
    }

    /** {@code torch.reciprocal}. */
    public Tensor reciprocal() {
        return UnaryMathOps.reciprocal(this);
    }

    /** {@code torch.sin}. */
    public Tensor sin() {
        return UnaryMathOps.sin(this);
    }

    /** {@code torch.cos}. */
    public Tensor cos() {
        return UnaryMathOps.cos(this);
    }

    /** {@code torch.tan}. */
    public Tensor tan() {
        return UnaryMathOps.tan(this);
    }

    /** {@code torch.tanh}. */
    public Tensor tanh() {
        return UnaryMathOps.tanh(this);
    }

    /** {@code torch.sigmoid}. */
    public Tensor sigmoid() {
        return UnaryMathOps.sigmoid(this);
    }

    /** {@code torch.erf}. */
    public Tensor erf() {
        return UnaryMathOps.erf(this);
    }

    /** {@code torch.floor}: zero gradient. */
    public Tensor floor() {
        return UnaryMathOps.floor(this);
    }

    /** {@code torch.ceil}: zero gradient. */
    public Tensor ceil() {
        return UnaryMathOps.ceil(this);
    }

    /** {@code torch.round}: half to even; zero gradient. */
    public Tensor round() {
        return UnaryMathOps.round(this);
    }

    /** {@code torch.round(self, decimals=decimals)}: zero gradient. */
    public Tensor round(int decimals) {
        return UnaryMathOps.round(this, decimals);
    }

    /** {@code torch.trunc}: zero gradient. */
    public Tensor trunc() {
        return UnaryMathOps.trunc(this);
    }

    /** {@code torch.relu}: no gradient where the result is 0. */
    public Tensor relu() {
        return UnaryMathOps.relu(this);
    }

    /** {@code F.gelu(self)}: the exact (erf) form. */
    public Tensor gelu() {
        return UnaryMathOps.gelu(this, "none");
    }

    /** {@code F.gelu(self, approximate=approximate)}: {@code "none"} or {@code "tanh"}. */
    public Tensor gelu(String approximate) {
        return UnaryMathOps.gelu(this, approximate);
    }

    /** {@code F.silu(self)}. */
    public Tensor silu() {
        return UnaryMathOps.silu(this);
    }

    /** {@code F.softplus(self)} with beta = 1, threshold = 20. */
    public Tensor softplus() {
        return UnaryMathOps.softplus(this, 1, 20);
    }

    /** {@code F.softplus(self, beta, threshold)}. */
    public Tensor softplus(double beta, double threshold) {
        return UnaryMathOps.softplus(this, beta, threshold);
    }

    /** {@code F.leaky_relu(self)} with negative_slope = 0.01. */
    public Tensor leakyRelu() {
        return UnaryMathOps.leakyRelu(this, 0.01);
    }

    /** {@code F.leaky_relu(self, negative_slope)}. */
    public Tensor leakyRelu(double negativeSlope) {
        return UnaryMathOps.leakyRelu(this, negativeSlope);
    }

    /** {@code F.elu(self)} with alpha = 1. */
    public Tensor elu() {
        return UnaryMathOps.elu(this, 1);
    }

    /** {@code F.elu(self, alpha)}. */
    public Tensor elu(double alpha) {
        return UnaryMathOps.elu(this, alpha);
    }

    /**
     * {@code torch.clamp(self, min, max)}; either bound may be null. A {@code Double} bound acts as a
     * Python float, other {@code Number}s as ints. The gradient passes where {@code min <= self <= max}.
     */
    public Tensor clamp(Number min, Number max) {
        return ConditionalOps.clamp(this, min, max);
    }

    /** {@code torch.clamp(self, min, max)} with tensor bounds (either may be null), broadcasting. */
    public Tensor clamp(Tensor min, Tensor max) {
        return ConditionalOps.clamp(this, min, max);
    }

    /** {@code torch.clamp_min(self, min)}. */
    public Tensor clampMin(Number min) {
        return ConditionalOps.clampMin(this, min);
    }

    /** {@code torch.clamp_min(self, min)} with a tensor bound. */
    public Tensor clampMin(Tensor min) {
        return ConditionalOps.clampMin(this, min);
    }

    /** {@code torch.clamp_max(self, max)}. */
    public Tensor clampMax(Number max) {
        return ConditionalOps.clampMax(this, max);
    }

    /** {@code torch.clamp_max(self, max)} with a tensor bound. */
    public Tensor clampMax(Tensor max) {
        return ConditionalOps.clampMax(this, max);
    }

    /** {@code torch.where(condition, input, other)}. */
    public static Tensor where(Tensor condition, Tensor input, Tensor other) {
        return ConditionalOps.where(condition, input, other);
    }

    /** {@code torch.where(condition, input, other)} with a Python-number {@code other}. */
    public static Tensor where(Tensor condition, Tensor input, Number other) {
        return ConditionalOps.where(condition, input, other);
    }

    /** {@code torch.where(condition, input, other)} with a Python-number {@code input}. */
    public static Tensor where(Tensor condition, Number input, Tensor other) {
        return ConditionalOps.where(condition, input, other);
    }

    /** {@code torch.where(condition, input, other)} with two Python numbers (no gradient). */
    public static Tensor where(Tensor condition, Number input, Number other) {
        return PointwiseOps.noGrad(NDArray.where(condition.array(), input, other));
    }

    /** {@code self.where(condition, other)} = {@code torch.where(condition, self, other)}. */
    public Tensor where(Tensor condition, Tensor other) {
        return ConditionalOps.where(condition, this, other);
    }

    /** {@code self.masked_fill(mask, value)}: the filled positions get no gradient. */
    public Tensor maskedFill(Tensor mask, double value) {
        return ConditionalOps.maskedFill(this, mask, value);
    }

    /** {@code self.masked_fill(mask, value)} with an integral value. */
    public Tensor maskedFill(Tensor mask, long value) {
        return ConditionalOps.maskedFill(this, mask, value);
    }

    /** {@code self.masked_fill(mask, value)} with a 0-d tensor value (which gets the filled positions' gradient). */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return ConditionalOps.maskedFill(this, mask, value);
    }

    /** {@code torch.addcmul(self, tensor1, tensor2)} = {@code self + tensor1 * tensor2}. */
    public Tensor addcmul(Tensor tensor1, Tensor tensor2) {
        return TernaryOps.addcmul(this, tensor1, tensor2, 1);
    }

    /** {@code torch.addcmul(self, tensor1, tensor2, value=value)}. */
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value) {
        return TernaryOps.addcmul(this, tensor1, tensor2, value);
    }

    /** {@code torch.addcdiv(self, tensor1, tensor2)} = {@code self + tensor1 / tensor2}. */
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2) {
        return TernaryOps.addcdiv(this, tensor1, tensor2, 1);
    }

    /** {@code torch.addcdiv(self, tensor1, tensor2, value=value)}. */
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value) {
        return TernaryOps.addcdiv(this, tensor1, tensor2, value);
    }

    /** {@code torch.lerp(self, end, weight)} = {@code self + weight * (end - self)}. */
    public Tensor lerp(Tensor end, double weight) {
        return TernaryOps.lerp(this, end, weight);
    }

    /** {@code torch.lerp(self, end, weight)} with a tensor weight. */
    public Tensor lerp(Tensor end, Tensor weight) {
        return TernaryOps.lerp(this, end, weight);
    }

    /** {@code torch.eq(self, other)} (bool, not differentiable). */
    public Tensor eq(Tensor other) {
        return PointwiseOps.noGrad(data.eq(other.data));
    }

    /** {@code self == other} with a Python float. */
    public Tensor eq(double other) {
        return PointwiseOps.noGrad(data.eq(other));
    }

    /** {@code self == other} with a Python int. */
    public Tensor eq(long other) {
        return PointwiseOps.noGrad(data.eq(other));
    }

    /** {@code torch.ne(self, other)}. */
    public Tensor ne(Tensor other) {
        return PointwiseOps.noGrad(data.ne(other.data));
    }

    /** {@code self != other} with a Python float. */
    public Tensor ne(double other) {
        return PointwiseOps.noGrad(data.ne(other));
    }

    /** {@code self != other} with a Python int. */
    public Tensor ne(long other) {
        return PointwiseOps.noGrad(data.ne(other));
    }

    /** {@code torch.lt(self, other)}. */
    public Tensor lt(Tensor other) {
        return PointwiseOps.noGrad(data.lt(other.data));
    }

    /** {@code self < other} with a Python float. */
    public Tensor lt(double other) {
        return PointwiseOps.noGrad(data.lt(other));
    }

    /** {@code self < other} with a Python int. */
    public Tensor lt(long other) {
        return PointwiseOps.noGrad(data.lt(other));
    }

    /** {@code torch.le(self, other)}. */
    public Tensor le(Tensor other) {
        return PointwiseOps.noGrad(data.le(other.data));
    }

    /** {@code self <= other} with a Python float. */
    public Tensor le(double other) {
        return PointwiseOps.noGrad(data.le(other));
    }

    /** {@code self <= other} with a Python int. */
    public Tensor le(long other) {
        return PointwiseOps.noGrad(data.le(other));
    }

    /** {@code torch.gt(self, other)}. */
    public Tensor gt(Tensor other) {
        return PointwiseOps.noGrad(data.gt(other.data));
    }

    /** {@code self > other} with a Python float. */
    public Tensor gt(double other) {
        return PointwiseOps.noGrad(data.gt(other));
    }

    /** {@code self > other} with a Python int. */
    public Tensor gt(long other) {
        return PointwiseOps.noGrad(data.gt(other));
    }

    /** {@code torch.ge(self, other)}. */
    public Tensor ge(Tensor other) {
        return PointwiseOps.noGrad(data.ge(other.data));
    }

    /** {@code self >= other} with a Python float. */
    public Tensor ge(double other) {
        return PointwiseOps.noGrad(data.ge(other));
    }

    /** {@code self >= other} with a Python int. */
    public Tensor ge(long other) {
        return PointwiseOps.noGrad(data.ge(other));
    }

    /** {@code torch.logical_and(self, other)}. */
    public Tensor logicalAnd(Tensor other) {
        return PointwiseOps.noGrad(data.logicalAnd(other.data));
    }

    /** {@code torch.logical_or(self, other)}. */
    public Tensor logicalOr(Tensor other) {
        return PointwiseOps.noGrad(data.logicalOr(other.data));
    }

    /** {@code torch.logical_xor(self, other)}. */
    public Tensor logicalXor(Tensor other) {
        return PointwiseOps.noGrad(data.logicalXor(other.data));
    }

    /** {@code torch.logical_not(self)}. */
    public Tensor logicalNot() {
        return PointwiseOps.noGrad(data.logicalNot());
    }

    /** {@code torch.isnan(self)}. */
    public Tensor isnan() {
        return PointwiseOps.noGrad(data.isnan());
    }

    /** {@code torch.isinf(self)}. */
    public Tensor isinf() {
        return PointwiseOps.noGrad(data.isinf());
    }

    /** {@code torch.isfinite(self)}. */
    public Tensor isfinite() {
        return PointwiseOps.noGrad(data.isfinite());
    }

    /** {@code tensor.to(dtype)}: this tensor when the dtype matches, else a copy with history. */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : new PointwiseOps.ToDtype(dtype).apply(this);
    }

    /** {@code tensor.clone()}. */
    @Override
    public Tensor clone() {
        return new PointwiseOps.Clone().apply(this);
    }

    // in place (InPlaceOps.java)

    /** {@code self.add_(other)}. */
    public Tensor add_(Tensor other) {
        return InPlaceOps.add_(this, other, 1.0);
    }

    /** {@code self.add_(other, alpha=alpha)}: the optimizers' {@code p.add_(g, alpha=-lr)}, fused. */
    public Tensor add_(Tensor other, double alpha) {
        return InPlaceOps.add_(this, other, alpha);
    }

    /** {@code self.add_(other, alpha=alpha)} with an integral alpha. */
    public Tensor add_(Tensor other, long alpha) {
        return InPlaceOps.add_(this, other, alpha);
    }

    /** {@code self += other} with a Python float. */
    public Tensor add_(double other) {
        return InPlaceOps.scalar(this, "AddBackward0", a -> a.add_(other), (g, none) -> g);
    }

    /** {@code self += other} with a Python int. */
    public Tensor add_(long other) {
        return InPlaceOps.scalar(this, "AddBackward0", a -> a.add_(other), (g, none) -> g);
    }

    /** {@code self.sub_(other)}. */
    public Tensor sub_(Tensor other) {
        return InPlaceOps.sub_(this, other, 1.0);
    }

    /** {@code self.sub_(other, alpha=alpha)}. */
    public Tensor sub_(Tensor other, double alpha) {
        return InPlaceOps.sub_(this, other, alpha);
    }

    /** {@code self -= other} with a Python float. */
    public Tensor sub_(double other) {
        return InPlaceOps.scalar(this, "SubBackward0", a -> a.sub_(other), (g, none) -> g);
    }

    /** {@code self -= other} with a Python int. */
    public Tensor sub_(long other) {
        return InPlaceOps.scalar(this, "SubBackward0", a -> a.sub_(other), (g, none) -> g);
    }

    /** {@code self.mul_(other)}. */
    public Tensor mul_(Tensor other) {
        return InPlaceOps.mul_(this, other);
    }

    /** {@code self *= other} with a Python float. */
    public Tensor mul_(double other) {
        return InPlaceOps.scalar(this, "MulBackward0", a -> a.mul_(other), (g, none) -> g.mul(other));
    }

    /** {@code self *= other} with a Python int. */
    public Tensor mul_(long other) {
        return InPlaceOps.scalar(this, "MulBackward0", a -> a.mul_(other), (g, none) -> g.mul(other));
    }

    /** {@code self.div_(other)}. */
    public Tensor div_(Tensor other) {
        return InPlaceOps.div_(this, other);
    }

    /** {@code self /= other} with a Python float. */
    public Tensor div_(double other) {
        return InPlaceOps.scalar(this, "DivBackward0", a -> a.div_(other), (g, none) -> g.div(other));
    }

    /** {@code self /= other} with a Python int. */
    public Tensor div_(long other) {
        return InPlaceOps.scalar(this, "DivBackward0", a -> a.div_(other), (g, none) -> g.div(other));
    }

    /** {@code self.pow_(exponent)} with a tensor exponent. */
    public Tensor pow_(Tensor exponent) {
        return InPlaceOps.pow_(this, exponent);
    }

    /** {@code self.pow_(exponent)} with a Python float. */
    public Tensor pow_(double exponent) {
        return InPlaceOps.pow_(this, exponent);
    }

    /** {@code self.pow_(exponent)} with a Python int. */
    public Tensor pow_(long exponent) {
        return InPlaceOps.pow_(this, exponent);
    }

    /** {@code self.square_()}. */
    public Tensor square_() {
        return InPlaceOps.pow_(this, 2L);
    }

    /** {@code self.clamp_(min, max)}: no type promotion in place. */
    public Tensor clamp_(Number min, Number max) {
        return InPlaceOps.clamp_(this, min, max);
    }

    /** {@code self.clamp_min_(min)}. */
    public Tensor clampMin_(Number min) {
        return InPlaceOps.clampMin_(this, min);
    }

    /** {@code self.clamp_max_(max)}. */
    public Tensor clampMax_(Number max) {
        return InPlaceOps.clampMax_(this, max);
    }

    /** {@code self.neg_()}. */
    public Tensor neg_() {
        return InPlaceOps.unary(this, "NegBackward0", Op.NONE, NDArray::neg_, UnaryMathOps.NEG);
    }

    /** {@code self.abs_()}. */
    public Tensor abs_() {
        return InPlaceOps.unary(this, "AbsBackward0", Op.X0, NDArray::abs_, UnaryMathOps.ABS);
    }

    /** {@code self.exp_()}. */
    public Tensor exp_() {
        return InPlaceOps.unary(this, "ExpBackward0", Op.RESULT, NDArray::exp_, UnaryMathOps.EXP);
    }

    /** {@code self.log_()}. */
    public Tensor log_() {
        return InPlaceOps.unary(this, "LogBackward0", Op.X0, NDArray::log_, UnaryMathOps.LOG);
    }

    /** {@code self.sqrt_()}. */
    public Tensor sqrt_() {
        return InPlaceOps.unary(this, "SqrtBackward0", Op.RESULT, NDArray::sqrt_, UnaryMathOps.SQRT);
    }

    /** {@code self.rsqrt_()}. */
    public Tensor rsqrt_() {
        return InPlaceOps.unary(this, "RsqrtBackward0", Op.RESULT, NDArray::rsqrt_, UnaryMathOps.RSQRT);
    }

    /** {@code self.reciprocal_()}. */
    public Tensor reciprocal_() {
        return InPlaceOps.unary(this, "ReciprocalBackward0", Op.RESULT, NDArray::reciprocal_, UnaryMathOps.RECIPROCAL);
    }

    /** {@code self.tanh_()}. */
    public Tensor tanh_() {
        return InPlaceOps.unary(this, "TanhBackward0", Op.RESULT, NDArray::tanh_, UnaryMathOps.TANH);
    }

    /** {@code self.sigmoid_()}. */
    public Tensor sigmoid_() {
        return InPlaceOps.unary(this, "SigmoidBackward0", Op.RESULT, NDArray::sigmoid_, UnaryMathOps.SIGMOID);
    }

    /** {@code self.relu_()}. */
    public Tensor relu_() {
        return InPlaceOps.unary(this, "ReluBackward0", Op.RESULT, NDArray::relu_, UnaryMathOps.RELU);
    }

    /** {@code self.floor_()}: zero gradient. */
    public Tensor floor_() {
        return InPlaceOps.constant(this, "FloorBackward0", NDArray::floor_);
    }

    /** {@code self.ceil_()}: zero gradient. */
    public Tensor ceil_() {
        return InPlaceOps.constant(this, "CeilBackward0", NDArray::ceil_);
    }

    /** {@code self.round_()}: zero gradient. */
    public Tensor round_() {
        return InPlaceOps.constant(this, "RoundBackward0", NDArray::round_);
    }

    /** {@code self.trunc_()}: zero gradient. */
    public Tensor trunc_() {
        return InPlaceOps.constant(this, "TruncBackward0", NDArray::trunc_);
    }

    /** {@code self.masked_fill_(mask, value)}. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return InPlaceOps.maskedFill_(this, mask, value);
    }

    /** {@code self.masked_fill_(mask, value)} with an integral value. */
    public Tensor maskedFill_(Tensor mask, long value) {
        return InPlaceOps.maskedFill_(this, mask, value);
    }

    /** {@code self.masked_fill_(mask, value)} with a 0-d tensor value. */
    public Tensor maskedFill_(Tensor mask, Tensor value) {
        return InPlaceOps.maskedFill_(this, mask, value);
    }

    /** {@code self.addcmul_(tensor1, tensor2)}. */
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2) {
        return InPlaceOps.addcmul_(this, tensor1, tensor2, 1);
    }

    /** {@code self.addcmul_(tensor1, tensor2, value=value)}: Adam's {@code exp_avg_sq.addcmul_(g, g, value=1-beta2)}. */
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value) {
        return InPlaceOps.addcmul_(this, tensor1, tensor2, value);
    }

    /** {@code self.addcdiv_(tensor1, tensor2)}. */
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2) {
        return InPlaceOps.addcdiv_(this, tensor1, tensor2, 1);
    }

    /** {@code self.addcdiv_(tensor1, tensor2, value=value)}: Adam's {@code p.addcdiv_(exp_avg, denom, value=-step_size)}. */
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value) {
        return InPlaceOps.addcdiv_(this, tensor1, tensor2, value);
    }

    /** {@code self.lerp_(end, weight)}: Adam's {@code exp_avg.lerp_(grad, 1-beta1)}. */
    public Tensor lerp_(Tensor end, double weight) {
        return InPlaceOps.lerp_(this, end, weight);
    }

    /** {@code self.lerp_(end, weight)} with a tensor weight. */
    public Tensor lerp_(Tensor end, Tensor weight) {
        return InPlaceOps.lerp_(this, end, weight);
    }

    /** {@code self.zero_()}. */
    public Tensor zero_() {
        return InPlaceOps.fill(this, "ZeroBackward0", NDArray::zero_);
    }

    /** {@code self.fill_(value)}. */
    public Tensor fill_(double value) {
        return InPlaceOps.fill(this, "FillBackward2", a -> a.fill_(value));
    }

    /** {@code self.copy_(src)}: broadcasts and casts src. */
    public Tensor copy_(Tensor src) {
        return InPlaceOps.copy_(this, src);
    }

    // views (ViewOps.java)

    /** {@code tensor.view(*shape)}. */
    public Tensor view(int... shape) {
        return ViewOps.view(this, shape);
    }

    /** {@code tensor.reshape(*shape)}. */
    public Tensor reshape(int... shape) {
        return ViewOps.reshape(this, shape);
    }

    /** {@code tensor.transpose(d0, d1)}. */
    public Tensor transpose(int d0, int d1) {
        return ViewOps.transpose(this, d0, d1);
    }

    /** {@code tensor.t()}. */
    public Tensor t() {
        return ViewOps.t(this);
    }

    /** {@code tensor.permute(*dims)}. */
    public Tensor permute(int... dims) {
        return ViewOps.permute(this, dims);
    }

    /** {@code tensor.expand(*sizes)}. */
    public Tensor expand(int... sizes) {
        return ViewOps.expand(this, sizes);
    }

    /** {@code tensor.expand_as(other)}. */
    public Tensor expandAs(Tensor other) {
        return ViewOps.expand(this, other.sizes());
    }

    /** {@code tensor.squeeze()}. */
    public Tensor squeeze() {
        return ViewOps.squeeze(this);
    }

    /** {@code tensor.squeeze(dim)}. */
    public Tensor squeeze(int dim) {
        return ViewOps.squeeze(this, dim);
    }

    /** {@code tensor.unsqueeze(dim)}. */
    public Tensor unsqueeze(int dim) {
        return ViewOps.unsqueeze(this, dim);
    }

    /** {@code tensor.flatten()}. */
    public Tensor flatten() {
        return ViewOps.flatten(this, 0, -1);
    }

    /** {@code tensor.flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        return ViewOps.flatten(this, startDim, endDim);
    }

    /** {@code tensor.unflatten(dim, sizes)}. */
    public Tensor unflatten(int dim, int... sizes) {
        return ViewOps.unflatten(this, dim, sizes);
    }

    /** {@code tensor.narrow(dim, start, length)}. */
    public Tensor narrow(int dim, int start, int length) {
        return ViewOps.narrow(this, dim, start, length);
    }

    /** {@code tensor[..., start:end:step, ...]} on {@code dim}. */
    public Tensor slice(int dim, int start, int end, int step) {
        return ViewOps.slice(this, dim, start, end, step);
    }

    /** {@code tensor.select(dim, index)}. */
    public Tensor select(int dim, int index) {
        return ViewOps.select(this, dim, index);
    }

    /**
     * {@code torch.as_strided(self, size, stride, storage_offset)}: a view of this tensor's storage
     * with the given sizes, strides and (absolute) storage offset (AsStridedBackward0).
     */
    public Tensor asStrided(int[] size, int[] stride, int storageOffset) {
        return StridedOps.asStrided(this, size, stride, storageOffset);
    }

    /** {@code torch.as_strided(self, size, stride)}: keeps this tensor's storage offset. */
    public Tensor asStrided(int[] size, int[] stride) {
        return StridedOps.asStrided(this, size, stride, storageOffset());
    }

    /** {@code tensor.contiguous()}. */
    public Tensor contiguous() {
        return ViewOps.contiguous(this);
    }

    /** {@code tensor.sum_to_size(*size)}. */
    public Tensor sumToSize(int... size) {
        return java.util.Arrays.equals(size, sizes()) ? this : new ViewOps.SumToSize(size).apply(this);
    }

    // ------------------------------------------------------------------ reductions (ReductionOps.java)

    /** {@code torch.sum(input)}: a 0-d sum (int64 for integral and bool inputs). */
    public Tensor sum() {
        return ReductionOps.sum(this);
    }

    /** {@code torch.sum(input, dim)} over {@code dims}. */
    public Tensor sum(int... dims) {
        return ReductionOps.sum(this, dims, false);
    }

    /** {@code torch.sum(input, dim, keepdim)}. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return ReductionOps.sum(this, dims, keepdim);
    }

    /** {@code torch.sum(input, dim, keepdim)} over one dim. */
    public Tensor sum(int dim, boolean keepdim) {
        return ReductionOps.sum(this, new int[] {dim}, keepdim);
    }

    /** {@code torch.mean(input)}: floating dtypes only. */
    public Tensor mean() {
        return ReductionOps.mean(this);
    }

    /** {@code torch.mean(input, dim)} over {@code dims}. */
    public Tensor mean(int... dims) {
        return ReductionOps.mean(this, dims, false);
    }

    /** {@code torch.mean(input, dim, keepdim)}. */
    public Tensor mean(int[] dims, boolean keepdim) {
        return ReductionOps.mean(this, dims, keepdim);
    }

    /** {@code torch.mean(input, dim, keepdim)} over one dim. */
    public Tensor mean(int dim, boolean keepdim) {
        return ReductionOps.mean(this, new int[] {dim}, keepdim);
    }

    /** {@code torch.prod(input)}: the gradient handles zeros as PyTorch does (no division by zero). */
    public Tensor prod() {
        return ReductionOps.prod(this);
    }

    /** {@code torch.prod(input, dim)}. */
    public Tensor prod(int dim) {
        return ReductionOps.prod(this, dim, false);
    }

    /** {@code torch.prod(input, dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepdim) {
        return ReductionOps.prod(this, dim, keepdim);
    }

    /** {@code torch.max(input)}: tied maxima share the gradient evenly. */
    public Tensor max() {
        return ReductionOps.extremum(this, true);
    }

    /** {@code torch.max(input, dim)}: values (the gradient goes to the returned index) and indices. */
    public MaxMin max(int dim) {
        return ReductionOps.extremum(this, dim, false, true);
    }

    /** {@code torch.max(input, dim, keepdim)}. */
    public MaxMin max(int dim, boolean keepdim) {
        return ReductionOps.extremum(this, dim, keepdim, true);
    }

    /** {@code torch.min(input)}: tied minima share the gradient evenly. */
    public Tensor min() {
        return ReductionOps.extremum(this, false);
    }

    /** {@code torch.min(input, dim)}: values and indices. */
    public MaxMin min(int dim) {
        return ReductionOps.extremum(this, dim, false, false);
    }

    /** {@code torch.min(input, dim, keepdim)}. */
    public MaxMin min(int dim, boolean keepdim) {
        return ReductionOps.extremum(this, dim, keepdim, false);
    }

    /** {@code torch.amax(input, dim)}: ties share the gradient evenly. */
    public Tensor amax(int... dims) {
        return ReductionOps.amaxAmin(this, dims, false, true);
    }

    /** {@code torch.amax(input, dim, keepdim)}. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return ReductionOps.amaxAmin(this, dims, keepdim, true);
    }

    /** {@code torch.amin(input, dim)}: ties share the gradient evenly. */
    public Tensor amin(int... dims) {
        return ReductionOps.amaxAmin(this, dims, false, false);
    }

    /** {@code torch.amin(input, dim, keepdim)}. */
    public Tensor amin(int[] dims, boolean keepdim) {
        return ReductionOps.amaxAmin(this, dims, keepdim, false);
    }

    /** {@code torch.argmax(input)} (int64, not differentiable). */
    public Tensor argmax() {
        return ReductionOps.argmax(this, null, false, true);
    }

    /** {@code torch.argmax(input, dim)}. */
    public Tensor argmax(int dim) {
        return ReductionOps.argmax(this, dim, false, true);
    }

    /** {@code torch.argmax(input, dim, keepdim)}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return ReductionOps.argmax(this, dim, keepdim, true);
    }

    /** {@code torch.argmin(input)}. */
    public Tensor argmin() {
        return ReductionOps.argmax(this, null, false, false);
    }

    /** {@code torch.argmin(input, dim)}. */
    public Tensor argmin(int dim) {
        return ReductionOps.argmax(this, dim, false, false);
    }

    /** {@code torch.argmin(input, dim, keepdim)}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return ReductionOps.argmax(this, dim, keepdim, false);
    }

    /** {@code torch.var(input)}: the unbiased (correction 1) variance of all elements. */
    public Tensor var() {
        return StatisticOps.varStd(this, null, 1, false, false);
    }

    /** {@code torch.var(input, unbiased)}. */
    public Tensor var(boolean unbiased) {
        return StatisticOps.varStd(this, null, unbiased ? 1 : 0, false, false);
    }

    /** {@code torch.var(input, dim)} with correction 1. */
    public Tensor var(int... dims) {
        return StatisticOps.varStd(this, dims, 1, false, false);
    }

    /** {@code torch.var(input, dim, correction=correction, keepdim=keepdim)}; null dims means all. */
    public Tensor var(int[] dims, double correction, boolean keepdim) {
        return StatisticOps.varStd(this, dims, correction, keepdim, false);
    }

    /** {@code torch.var(input, dim, unbiased, keepdim)}. */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return StatisticOps.varStd(this, dims, unbiased ? 1 : 0, keepdim, false);
    }

    /** {@code torch.std(input)}: a zero std gives a zero gradient. */
    public Tensor std() {
        return StatisticOps.varStd(this, null, 1, false, true);
    }

    /** {@code torch.std(input, unbiased)}. */
    public Tensor std(boolean unbiased) {
        return StatisticOps.varStd(this, null, unbiased ? 1 : 0, false, true);
    }

    /** {@code torch.std(input, dim)} with correction 1. */
    public Tensor std(int... dims) {
        return StatisticOps.varStd(this, dims, 1, false, true);
    }

    /** {@code torch.std(input, dim, correction=correction, keepdim=keepdim)}. */
    public Tensor std(int[] dims, double correction, boolean keepdim) {
        return StatisticOps.varStd(this, dims, correction, keepdim, true);
    }

    /** {@code torch.std(input, dim, unbiased, keepdim)}. */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return StatisticOps.varStd(this, dims, unbiased ? 1 : 0, keepdim, true);
    }

    /** {@code torch.logsumexp(input, dim)}. */
    public Tensor logsumexp(int... dims) {
        return StatisticOps.logsumexp(this, dims, false);
    }

    /** {@code torch.logsumexp(input, dim, keepdim)}. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return StatisticOps.logsumexp(this, dims, keepdim);
    }

    /** {@code torch.norm(input)}: the 2-norm of all elements ({@code torch.linalg.vector_norm}; a zero norm has a zero gradient). */
    public Tensor norm() {
        return StatisticOps.norm(this, 2, null, false);
    }

    /** {@code torch.norm(input, p)}. */
    public Tensor norm(double p) {
        return StatisticOps.norm(this, p, null, false);
    }

    /** {@code torch.norm(input, p, dim)}. */
    public Tensor norm(double p, int... dims) {
        return StatisticOps.norm(this, p, dims, false);
    }

    /** {@code torch.norm(input, p, dim, keepdim)}. */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return StatisticOps.norm(this, p, dims, keepdim);
    }

    /** {@code torch.norm(input, "fro", dim, keepdim)}. */
    public Tensor norm(String p, int[] dims, boolean keepdim) {
        return StatisticOps.norm(this, p, dims, keepdim);
    }

    /** {@code torch.all(input)} (bool, not differentiable). */
    public Tensor all() {
        return PointwiseOps.noGrad(data.all());
    }

    /** {@code torch.all(input, dim)}. */
    public Tensor all(int dim) {
        return PointwiseOps.noGrad(data.all(dim));
    }

    /** {@code torch.all(input, dim, keepdim)}. */
    public Tensor all(int dim, boolean keepdim) {
        return PointwiseOps.noGrad(data.all(dim, keepdim));
    }

    /** {@code torch.all(input, dim=dims, keepdim)}. */
    public Tensor all(int[] dims, boolean keepdim) {
        return PointwiseOps.noGrad(data.all(dims, keepdim));
    }

    /** {@code torch.any(input)} (bool, not differentiable). */
    public Tensor any() {
        return PointwiseOps.noGrad(data.any());
    }

    /** {@code torch.any(input, dim)}. */
    public Tensor any(int dim) {
        return PointwiseOps.noGrad(data.any(dim));
    }

    /** {@code torch.any(input, dim, keepdim)}. */
    public Tensor any(int dim, boolean keepdim) {
        return PointwiseOps.noGrad(data.any(dim, keepdim));
    }

    /** {@code torch.any(input, dim=dims, keepdim)}. */
    public Tensor any(int[] dims, boolean keepdim) {
        return PointwiseOps.noGrad(data.any(dims, keepdim));
    }

    /** {@code torch.cumsum(input, dim)}. */
    public Tensor cumsum(int dim) {
        return ScanOps.cumsum(this, dim);
    }

    /** {@code torch.cumprod(input, dim)}: the gradient handles zeros as PyTorch does. */
    public Tensor cumprod(int dim) {
        return ScanOps.cumprod(this, dim);
    }

    /** {@code torch.softmax(input, dim)}. */
    public Tensor softmax(int dim) {
        return ScanOps.softmax(this, dim);
    }

    /** {@code torch.log_softmax(input, dim)}. */
    public Tensor logSoftmax(int dim) {
        return ScanOps.logSoftmax(this, dim);
    }

    // ------------------------------------------------------------------ end of reductions

    // ------------------------------------------------------------------ linear algebra (LinAlgOps.java)

    /**
     * {@code torch.matmul(self, other)} in all of PyTorch's rank cases (dot, mv, row vector times
     * matrix, mm, folded or broadcast batched products). When recording, the graph is the one
     * ATen's matmul builds, so {@code gradFn()} names PyTorch's last node (DotBackward0,
     * MvBackward0, SqueezeBackward4, MmBackward0, UnsafeViewBackward0, CloneBackward0, ...).
     */
    public Tensor matmul(Tensor other) {
        return LinAlgOps.matmul(this, other);
    }

    /** {@code torch.mm(self, mat2)}: {@code [n, m] @ [m, p]}. */
    public Tensor mm(Tensor mat2) {
        return new LinAlgOps.Mm().apply(this, mat2);
    }

    /** {@code torch.bmm(self, mat2)}: {@code [b, n, m] @ [b, m, p]}. */
    public Tensor bmm(Tensor mat2) {
        return new LinAlgOps.Bmm().apply(this, mat2);
    }

    /** {@code torch.mv(self, vec)}: {@code [n, m] @ [m]}. */
    public Tensor mv(Tensor vec) {
        return new LinAlgOps.Mv().apply(this, vec);
    }

    /** {@code torch.dot(self, other)}: the 0-d inner product of two 1-d tensors. */
    public Tensor dot(Tensor other) {
        return new LinAlgOps.Dot().apply(this, other);
    }

    /** {@code torch.outer(self, vec2)}: {@code self.reshape(n, 1) * vec2}, as PyTorch composes it (MulBackward0). */
    public Tensor outer(Tensor vec2) {
        return LinAlgOps.outer(this, vec2);
    }

    /** {@code self.addmm(mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * self + alpha * (mat1 @ mat2)}. */
    public Tensor addmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
        return new LinAlgOps.Addmm(beta, alpha).apply(this, mat1, mat2);
    }

    /** {@code self.addmm(mat1, mat2)}: {@code self + mat1 @ mat2}. */
    public Tensor addmm(Tensor mat1, Tensor mat2) {
        return addmm(mat1, mat2, 1, 1);
    }

    // ------------------------------------------------------------------ end of linear algebra

    // ------------------------------------------------------------------ indexing and joining (IndexingOps.java, JoiningOps.java)

    /** {@code torch.index_select(self, dim, index)}: slices {@code index[j]} along dim (int64, 0-d or 1-d index). */
    public Tensor indexSelect(int dim, Tensor index) {
        return new IndexingOps.IndexSelect(dim, index).apply(this);
    }

    /** {@code torch.gather(self, dim, index)}: the result has index's shape. */
    public Tensor gather(int dim, Tensor index) {
        return new IndexingOps.Gather(dim, index).apply(this);
    }

    /** {@code torch.scatter(self, dim, index, src)}: a copy of self with src written at index. */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        return IndexingOps.scatter(this, dim, index, src, false);
    }

    /** {@code torch.scatter(self, dim, index, value)}: a copy of self with value written at index. */
    public Tensor scatter(int dim, Tensor index, double value) {
        return IndexingOps.scatter(this, dim, index, value, false);
    }

    /** {@code self.scatter_(dim, index, src)}. */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        return IndexingOps.scatter(this, dim, index, src, true);
    }

    /** {@code self.scatter_(dim, index, value)}. */
    public Tensor scatter_(int dim, Tensor index, double value) {
        return IndexingOps.scatter(this, dim, index, value, true);
    }

    /** {@code torch.scatter_add(self, dim, index, src)}: duplicates accumulate. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return IndexingOps.scatterAdd(this, dim, index, src, false);
    }

    /** {@code self.scatter_add_(dim, index, src)}. */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
        return IndexingOps.scatterAdd(this, dim, index, src, true);
    }

    /** {@code torch.index_add(self, dim, index, source)}. */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) {
        return IndexingOps.indexAdd(this, dim, index, source, 1, false);
    }

    /** {@code torch.index_add(self, dim, index, source, alpha=alpha)}. */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) {
        return IndexingOps.indexAdd(this, dim, index, source, alpha, false);
    }

    /** {@code self.index_add_(dim, index, source)}. */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source) {
        return IndexingOps.indexAdd(this, dim, index, source, 1, true);
    }

    /** {@code self.index_add_(dim, index, source, alpha=alpha)}. */
    public Tensor indexAdd_(int dim, Tensor index, Tensor source, double alpha) {
        return IndexingOps.indexAdd(this, dim, index, source, alpha, true);
    }

    /** {@code torch.index_copy(self, dim, index, source)}. */
    public Tensor indexCopy(int dim, Tensor index, Tensor source) {
        return IndexingOps.indexCopy(this, dim, index, source, false);
    }

    /** {@code self.index_copy_(dim, index, source)}. */
    public Tensor indexCopy_(int dim, Tensor index, Tensor source) {
        return IndexingOps.indexCopy(this, dim, index, source, true);
    }

    /** {@code torch.index_fill(self, dim, index, value)}. */
    public Tensor indexFill(int dim, Tensor index, double value) {
        return IndexingOps.indexFill(this, dim, index, value, false);
    }

    /** {@code self.index_fill_(dim, index, value)}. */
    public Tensor indexFill_(int dim, Tensor index, double value) {
        return IndexingOps.indexFill(this, dim, index, value, true);
    }

    /** {@code torch.take(self, index)}: elements of the flattened tensor, shaped like index. */
    public Tensor take(Tensor index) {
        return new IndexingOps.Take(index).apply(this);
    }

    /** {@code torch.masked_select(self, mask)}: 1-d, the elements where the broadcast bool mask is true. */
    public Tensor maskedSelect(Tensor mask) {
        return new IndexingOps.MaskedSelect(mask).apply(this);
    }

    /** {@code torch.nonzero(self)}: int64 coordinates, no gradient. */
    public Tensor nonzero() {
        return IndexingOps.noGrad(data.nonzero());
    }

    /** {@code torch.nn.functional.one_hot(self, num_classes)} for int64 tensors, no gradient. */
    public Tensor oneHot(int numClasses) {
        return IndexingOps.noGrad(data.oneHot(numClasses));
    }

    /** {@code torch.cat(tensors, dim)} with type promotion; 1-d {@code [0]} tensors are skipped (legacy rule). */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return new JoiningOps.Cat(dim).apply(tensors.toArray(new Tensor[0]));
    }

    /** {@code torch.cat(tensors)} along dim 0. */
    public static Tensor cat(List<Tensor> tensors) {
        return cat(tensors, 0);
    }

    /** {@code torch.stack(tensors, dim)}: equal shapes joined along a new dim. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return new JoiningOps.Stack(dim).apply(tensors.toArray(new Tensor[0]));
    }

    /** {@code torch.stack(tensors)} along a new dim 0. */
    public static Tensor stack(List<Tensor> tensors) {
        return stack(tensors, 0);
    }

    /** {@code torch.split(self, split_size, dim)}: views (SplitBackward0). */
    public List<Tensor> split(int splitSize, int dim) {
        return JoiningOps.split(this, splitSize, dim);
    }

    /** {@code torch.split(self, split_size)} along dim 0. */
    public List<Tensor> split(int splitSize) {
        return JoiningOps.split(this, splitSize, 0);
    }

    /** {@code torch.split(self, [sizes], dim)}: views of the given lengths (SplitWithSizesBackward0). */
    public List<Tensor> split(int[] sizes, int dim) {
        return JoiningOps.split(this, sizes, dim);
    }

    /** {@code torch.chunk(self, chunks, dim)}: at most {@code chunks} views. */
    public List<Tensor> chunk(int chunks, int dim) {
        return JoiningOps.chunk(this, chunks, dim);
    }

    /** {@code torch.chunk(self, chunks)} along dim 0. */
    public List<Tensor> chunk(int chunks) {
        return JoiningOps.chunk(this, chunks, 0);
    }

    /** {@code torch.unbind(self, dim)}: the {@code select(dim, i)} views (UnbindBackward0). */
    public List<Tensor> unbind(int dim) {
        return JoiningOps.unbind(this, dim);
    }

    /** {@code torch.unbind(self)} along dim 0. */
    public List<Tensor> unbind() {
        return JoiningOps.unbind(this, 0);
    }

    /**
     * {@code torch.nn.functional.pad(self, pad, mode='constant', value=value)} (ConstantPadNdBackward0):
     * (left, right) pairs from the last dim backwards; negative amounts crop.
     */
    public Tensor pad(int[] pad, double value) {
        return JoiningOps.pad(this, pad, value);
    }

    /** {@code torch.nn.functional.pad(self, pad)}: constant padding with zeros. */
    public Tensor pad(int... pad) {
        return JoiningOps.pad(this, pad, 0);
    }

    /** {@code torch.flip(self, dims)}. */
    public Tensor flip(int... dims) {
        return JoiningOps.flip(this, dims);
    }

    /** {@code torch.roll(self, shifts, dims)}. */
    public Tensor roll(int[] shifts, int[] dims) {
        return JoiningOps.roll(this, shifts, dims);
    }

    /** {@code torch.roll(self, shift, dim)}. */
    public Tensor roll(int shift, int dim) {
        return JoiningOps.roll(this, new int[] {shift}, new int[] {dim});
    }

    /** {@code torch.roll(self, shift)}: along the flattened tensor, shape kept. */
    public Tensor roll(int shift) {
        return JoiningOps.roll(this, new int[] {shift}, new int[0]);
    }

    /** {@code self.repeat(*sizes)}: tiles the tensor; extra leading sizes add dims. */
    public Tensor repeat(int... sizes) {
        return JoiningOps.repeat(this, sizes);
    }

    /** {@code torch.tril(self, diagonal)}. */
    public Tensor tril(int diagonal) {
        return JoiningOps.triangle(this, diagonal, true, false);
    }

    /** {@code torch.tril(self)}. */
    public Tensor tril() {
        return tril(0);
    }

    /** {@code self.tril_(diagonal)}. */
    public Tensor tril_(int diagonal) {
        return JoiningOps.triangle(this, diagonal, true, true);
    }

    /** {@code self.tril_()}. */
    public Tensor tril_() {
        return tril_(0);
    }

    /** {@code torch.triu(self, diagonal)}. */
    public Tensor triu(int diagonal) {
        return JoiningOps.triangle(this, diagonal, false, false);
    }

    /** {@code torch.triu(self)}. */
    public Tensor triu() {
        return triu(0);
    }

    /** {@code self.triu_(diagonal)}. */
    public Tensor triu_(int diagonal) {
        return JoiningOps.triangle(this, diagonal, false, true);
    }

    /** {@code self.triu_()}. */
    public Tensor triu_() {
        return triu_(0);
    }

    /** {@code torch.diag(self, diagonal)}: 1-d to a square matrix (DiagEmbedBackward0), 2-d to its diagonal. */
    public Tensor diag(int diagonal) {
        return JoiningOps.diag(this, diagonal);
    }

    /** {@code torch.diag(self)}. */
    public Tensor diag() {
        return JoiningOps.diag(this, 0);
    }

    /** {@code torch.diagonal(self, offset, dim1, dim2)}: a view; the diagonal becomes the last dim. */
    public Tensor diagonal(int offset, int dim1, int dim2) {
        return JoiningOps.diagonal(this, offset, dim1, dim2);
    }

    /** {@code torch.diagonal(self)}: the main diagonal of dims 0 and 1. */
    public Tensor diagonal() {
        return JoiningOps.diagonal(this, 0, 0, 1);
    }

    // ------------------------------------------------------------------ end of indexing and joining
}
