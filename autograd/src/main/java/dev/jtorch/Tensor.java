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
