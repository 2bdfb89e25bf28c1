package dev.jtorch;

import dev.jtorch.autograd.Autograd;
import dev.jtorch.autograd.AutogradMeta;
import dev.jtorch.autograd.HookHandle;
import dev.jtorch.autograd.Hooks;
import dev.jtorch.autograd.Node;
import dev.jtorch.autograd.VersionCounter;
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

    /** A view of {@code base}: shares its storage and its version counter. */
    static Tensor viewOf(Tensor base, NDArray view) {
        Tensor root = base.base != null ? base.base : base;
        return new Tensor(view, base.version, root);
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
        return new PointwiseOps.Add(1).apply(this, other);
    }

    /** {@code torch.add(self, other, alpha=alpha)}: {@code self + alpha * other}. */
    public Tensor add(Tensor other, double alpha) {
        return new PointwiseOps.Add(alpha).apply(this, other);
    }

    /** {@code self + scalar}. */
    public Tensor add(double other) {
        return add(PointwiseOps.scalar(other));
    }

    /** {@code self + int}: int64 tensors stay int64. */
    public Tensor add(long other) {
        return add(PointwiseOps.scalar(other));
    }

    /** {@code torch.sub(self, other)}. */
    public Tensor sub(Tensor other) {
        return new PointwiseOps.Sub().apply(this, other);
    }

    /** {@code torch.sub(self, other, alpha=alpha)}. */
    public Tensor sub(Tensor other, double alpha) {
        return new PointwiseOps.Add(-alpha).apply(this, other);
    }

    /** {@code self - scalar}. */
    public Tensor sub(double other) {
        return sub(PointwiseOps.scalar(other));
    }

    /** {@code self - int}. */
    public Tensor sub(long other) {
        return sub(PointwiseOps.scalar(other));
    }

    /** {@code scalar - self}, {@code torch.rsub(self, other)}. */
    public Tensor rsub(double other) {
        return PointwiseOps.scalar(other).sub(this);
    }

    /** {@code torch.mul(self, other)}. */
    public Tensor mul(Tensor other) {
        return new PointwiseOps.Mul().apply(this, other);
    }

    /** {@code self * scalar}. */
    public Tensor mul(double other) {
        return mul(PointwiseOps.scalar(other));
    }

    /** {@code self * int}. */
    public Tensor mul(long other) {
        return mul(PointwiseOps.scalar(other));
    }

    /** {@code torch.div(self, other)}: true division. */
    public Tensor div(Tensor other) {
        return new PointwiseOps.Div().apply(this, other);
    }

    /** {@code self / scalar}. */
    public Tensor div(double other) {
        return div(PointwiseOps.scalar(other));
    }

    /** {@code torch.neg}. */
    public Tensor neg() {
        return new PointwiseOps.Neg().apply(this);
    }

    /** {@code torch.abs}. */
    public Tensor abs() {
        return new PointwiseOps.Abs().apply(this);
    }

    /** {@code torch.sign}. */
    public Tensor sign() {
        return new PointwiseOps.Sign().apply(this);
    }

    /** {@code torch.exp}. */
    public Tensor exp() {
        return new PointwiseOps.Exp().apply(this);
    }

    /** {@code torch.log}. */
    public Tensor log() {
        return new PointwiseOps.Log().apply(this);
    }

    /** {@code torch.sqrt}. */
    public Tensor sqrt() {
        return new PointwiseOps.Sqrt().apply(this);
    }

    /** {@code torch.relu}. */
    public Tensor relu() {
        return new PointwiseOps.Relu().apply(this);
    }

    /** {@code self > scalar} (bool, not differentiable). */
    public Tensor gt(double other) {
        return PointwiseOps.noGrad(data.gt(other));
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
        return new InPlaceOps.Binary("AddBackward0", NDArray::add_, 1).apply(this, other);
    }

    /** {@code self.add_(other, alpha=alpha)}. */
    public Tensor add_(Tensor other, double alpha) {
        return new InPlaceOps.Binary("AddBackward0", (a, b) -> a.add_(b.mul(alpha)), alpha).apply(this, other);
    }

    /** {@code self.add_(scalar)}. */
    public Tensor add_(double other) {
        return add_(PointwiseOps.scalarFor(this, other));
    }

    /** {@code self.sub_(other)}. */
    public Tensor sub_(Tensor other) {
        return new InPlaceOps.Binary("SubBackward0", NDArray::sub_, -1).apply(this, other);
    }

    /** {@code self.mul_(other)}. */
    public Tensor mul_(Tensor other) {
        return new InPlaceOps.Binary("MulBackward0", NDArray::mul_).apply(this, other);
    }

    /** {@code self.mul_(scalar)}. */
    public Tensor mul_(double other) {
        return mul_(PointwiseOps.scalarFor(this, other));
    }

    /** {@code self.zero_()}. */
    public Tensor zero_() {
        return new InPlaceOps.Fill("ZeroBackward0", NDArray::zero_).apply(this);
    }

    /** {@code self.fill_(value)}. */
    public Tensor fill_(double value) {
        return new InPlaceOps.Fill("FillBackward0", a -> a.fill_(value)).apply(this);
    }

    /** {@code self.copy_(src)}: broadcasts and casts src. */
    public Tensor copy_(Tensor src) {
        return new InPlaceOps.Copy().apply(this, src);
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

    /** {@code tensor.contiguous()}. */
    public Tensor contiguous() {
        return ViewOps.contiguous(this);
    }

    /** {@code tensor.sum_to_size(*size)}. */
    public Tensor sumToSize(int... size) {
        return java.util.Arrays.equals(size, sizes()) ? this : new ViewOps.SumToSize(size).apply(this);
    }

    // ------------------------------------------------------------------ reductions (ReductionOps.java)

    // ------------------------------------------------------------------ end of reductions

    // ------------------------------------------------------------------ linear algebra (LinAlgOps.java)

    // ------------------------------------------------------------------ end of linear algebra

    // ------------------------------------------------------------------ indexing and joining (IndexingOps.java, JoiningOps.java)

    // ------------------------------------------------------------------ end of indexing and joining
}
