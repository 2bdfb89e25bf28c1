package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Shapes;
import java.util.Arrays;

/**
 * Differentiable matrix products. {@code mm}, {@code bmm}, {@code mv}, {@code dot} and
 * {@code addmm} are one {@link Function} each, with PyTorch's derivative formulas; {@code matmul}
 * and {@code outer} are compositions, as in ATen, so that the recorded graph (and the
 * {@code grad_fn} of the result) is the one PyTorch records.
 */
final class LinAlgOps {
    private LinAlgOps() {}

    /** {@code torch.mm}: d self = g @ mat2^T, d mat2 = self^T @ g. */
    static final class Mm extends Function {
        private boolean mat1ColumnMajor;
        private boolean mat2ColumnMajor;

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            mat1ColumnMajor = columnMajor(in[0]);
            mat2ColumnMajor = columnMajor(in[1]);
            return new Tensor(in[0].array().mm(in[1].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? mat1Backward(g, s[1], mat1ColumnMajor) : null,
                ctx.needsInputGrad(1) ? mat2Backward(g, s[0], mat2ColumnMajor) : null};
        }

        @Override
        protected String name() {
            return "MmBackward0";
        }
    }

    /** {@code torch.bmm}: the batched {@link Mm}. */
    static final class Bmm extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            return new Tensor(in[0].array().bmm(in[1].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? g.bmm(s[1].transpose(1, 2)) : null,
                ctx.needsInputGrad(1) ? s[0].transpose(1, 2).bmm(g) : null};
        }

        @Override
        protected String name() {
            return "BmmBackward0";
        }
    }

    /** {@code torch.mv}: d self = outer(g, vec), d vec = self^T @ g. */
    static final class Mv extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            return new Tensor(in[0].array().mv(in[1].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? g.outer(s[1]) : null,
                ctx.needsInputGrad(1) ? s[0].t().mv(g) : null};
        }

        @Override
        protected String name() {
            return "MvBackward0";
        }
    }

    /** {@code torch.dot}: d self = g * other, d other = g * self (g is 0-d). */
    static final class Dot extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(ctx.needsInputGrad(1) ? in[0] : null, ctx.needsInputGrad(0) ? in[1] : null);
            return new Tensor(in[0].array().dot(in[1].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? g.mul(s[1]) : null,
                ctx.needsInputGrad(1) ? g.mul(s[0]) : null};
        }

        @Override
        protected String name() {
            return "DotBackward0";
        }
    }

    /** {@code torch.addmm}: d input = beta * g (summed to input's shape by the engine), d mat1/mat2 as mm times alpha. */
    static final class Addmm extends Function {
        private final double beta;
        private final double alpha;
        private boolean mat1ColumnMajor;
        private boolean mat2ColumnMajor;

        Addmm(double beta, double alpha) {
            this.beta = beta;
            this.alpha = alpha;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(ctx.needsInputGrad(2) ? in[1] : null, ctx.needsInputGrad(1) ? in[2] : null);
            mat1ColumnMajor = columnMajor(in[1]);
            mat2ColumnMajor = columnMajor(in[2]);
            return new Tensor(NDArray.addmm(in[0].array(), in[1].array(), in[2].array(), beta, alpha));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? scale(g, beta) : null,
                ctx.needsInputGrad(1) ? scale(mat1Backward(g, s[1], mat1ColumnMajor), alpha) : null,
                ctx.needsInputGrad(2) ? scale(mat2Backward(g, s[0], mat2ColumnMajor), alpha) : null};
        }

        @Override
        protected String name() {
            return "AddmmBackward0";
        }
    }

    /**
     * Whether a matrix is column-major ({@code strides == (1, rows)}, e.g. a weight's {@code .t()}):
     * PyTorch's {@code mm_mat1_backward}/{@code mm_mat2_backward} then compute its gradient as the
     * transpose of a row-major product, so the gradient has the input's layout and a leaf such as
     * {@code Linear.weight} (used as {@code weight.t()}) receives a contiguous gradient without a
     * transposing copy.
     */
    static boolean columnMajor(Tensor m) {
        if (m.dim() != 2) {
            return false;
        }
        NDArray a = m.array();
        return a.stride(0) == 1 && a.stride(1) == a.size(0); // per-dim reads: no stride array copy per product
    }

    /** PyTorch's {@code mm_mat1_backward}: {@code g @ mat2^T}, or {@code (mat2 @ g^T)^T} for a column-major mat1. */
    static Tensor mat1Backward(Tensor g, Tensor mat2, boolean mat1ColumnMajor) {
        return mat1ColumnMajor ? mat2.mm(g.t()).t() : g.mm(mat2.t());
    }

    /** PyTorch's {@code mm_mat2_backward}: {@code mat1^T @ g}, or {@code (g^T @ mat1)^T} for a column-major mat2. */
    static Tensor mat2Backward(Tensor g, Tensor mat1, boolean mat2ColumnMajor) {
        return mat2ColumnMajor ? g.t().mm(mat1).t() : mat1.t().mm(g);
    }

    /** PyTorch's maybe_multiply: no node when the factor is 1. */
    private static Tensor scale(Tensor t, double s) {
        return s == 1 ? t : t.mul(s);
    }

    /** {@code torch.outer}: {@code self.reshape(n, 1) * vec2}, exactly as ATen composes it (grad_fn MulBackward0). */
    static Tensor outer(Tensor self, Tensor vec2) {
        if (self.dim() != 1 || vec2.dim() != 1) {
            self.array().outer(vec2.array()); // raises PyTorch's message for the offending argument
        }
        return self.reshape(self.size(0), 1).mul(vec2);
    }

    // ---------------------------------------------------------------- matmul

    /**
     * {@code torch.matmul}: without a graph to record, the tensor module's matmul. When recording,
     * ATen's {@code _matmul_impl} step by step (dot, mv, mm + squeeze_, fold into mm/mv, or
     * expand + bmm), so the graph and the result's grad_fn are PyTorch's for every rank case,
     * including the choices that depend on requires_grad and strides.
     */
    static Tensor matmul(Tensor t1, Tensor t2) {
        if (!(GradMode.isEnabled() && (t1.requiresGrad() || t2.requiresGrad()))) {
            return new Tensor(t1.array().matmul(t2.array()));
        }
        int d1 = t1.dim();
        int d2 = t2.dim();
        if (d1 == 0 || d2 == 0) {
            t1.array().matmul(t2.array()); // raises "both arguments to matmul need to be at least 1D ..."
        }
        if (d1 == 1 && d2 == 1) {
            return t1.dot(t2);
        }
        if (d1 == 2 && d2 == 1) {
            return t1.mv(t2);
        }
        if (d1 == 1 && d2 == 2) {
            return new SqueezeInPlace().apply(t1.unsqueeze(0).mm(t2));
        }
        if (d1 == 2 && d2 == 2) {
            return t1.mm(t2);
        }
        if (shouldFold(t1, t2)) {
            return folded(t1, t2);
        }
        return batched(t1, t2);
    }

    /** ATen's {@code should_fold}: fold the larger operand into a matrix and use mm/mv instead of bmm. */
    private static boolean shouldFold(Tensor tensor1, Tensor tensor2) {
        boolean firstLarger = tensor1.dim() >= tensor2.dim();
        NDArray t1 = firstLarger ? tensor1.array() : tensor2.array().transpose(-2, -1);
        int smallerDim = firstLarger ? tensor2.dim() : tensor1.dim();
        if (!(t1.dim() >= 3 && smallerDim <= 2)) {
            return false;
        }
        // folding avoids a batch-sized gradient for the smaller operand, at the price of a copy
        if (firstLarger ? tensor2.requiresGrad() : tensor1.requiresGrad()) {
            return true;
        }
        if (tensor1.dim() == 2) {
            return false;
        }
        if (t1.numel() == 0) {
            return true;
        }
        int[] shape = t1.sizes();
        int[] strides = t1.stride();
        for (int i = 0; i < shape.length - 2; i++) {
            if (strides[i] != strides[i + 1] * shape[i + 1]) {
                return false;
            }
        }
        return true;
    }

    private static Tensor folded(Tensor tensor1, Tensor tensor2) {
        boolean transpose = tensor2.dim() > tensor1.dim();
        Tensor t1 = transpose ? tensor2.transpose(-2, -1) : tensor1;
        Tensor t2 = !transpose ? tensor2 : tensor1.dim() == 2 ? tensor1.t() : tensor1;
        int[] s1 = t1.sizes();
        int last = s1[s1.length - 1];
        int[] lead = Arrays.copyOf(s1, s1.length - 1);
        Tensor t1Folded = t1.reshape(Shapes.numel(lead), last);
        if (t2.dim() == 2) {
            int[] outShape = Arrays.copyOf(lead, lead.length + 1);
            outShape[lead.length] = t2.size(1);
            Tensor out = unsafeView(t1Folded.mm(t2), outShape);
            return transpose ? out.transpose(-2, -1).contiguous() : out;
        }
        return unsafeView(t1Folded.mv(t2), lead);
    }

    private static Tensor batched(Tensor tensor1, Tensor tensor2) {
        int d1 = tensor1.dim();
        int d2 = tensor2.dim();
        int[] batch1 = Arrays.copyOf(tensor1.sizes(), Math.max(d1 - 2, 0));
        int[] batch2 = Arrays.copyOf(tensor2.sizes(), Math.max(d2 - 2, 0));
        if (d1 == 3 && d2 == 3 && batch1[0] != batch2[0]) {
            // broadcasting a batch of one: fold instead, as should_fold explains
            if (batch1[0] == 1 && tensor1.requiresGrad()) {
                return matmul(tensor1.squeeze(0), tensor2);
            }
            if (batch2[0] == 1 && tensor2.requiresGrad()) {
                return matmul(tensor1, tensor2.squeeze(0));
            }
        }
        int n = d1 > 1 ? tensor1.size(d1 - 2) : 1;
        int m1 = tensor1.size(d1 - 1);
        int m2 = d2 > 1 ? tensor2.size(d2 - 2) : tensor2.size(0);
        int p = d2 > 1 ? tensor2.size(d2 - 1) : 1;
        int[] batch = Shapes.broadcast(batch1, batch2);
        int product = Shapes.numel(batch);
        Tensor e1 = tensor1.expand(append(batch, n, m1)).reshape(product, n, m1);
        boolean vectorRhs = d2 == 1;
        Tensor e2 = vectorRhs
                ? tensor2.expand(append(batch, m2)).reshape(product, m2).unsqueeze(2)
                : tensor2.expand(append(batch, m2, p)).reshape(product, m2, p);
        int[] outShape = batch;
        if (d1 > 1) {
            outShape = append(outShape, n);
        }
        if (d2 > 1) {
            outShape = append(outShape, p);
        }
        Tensor out = e1.bmm(e2);
        return unsafeView(vectorRhs ? out.squeeze(-1) : out, outShape);
    }

    private static int[] append(int[] a, int... more) {
        int[] r = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, r, a.length, more.length);
        return r;
    }

    private static Tensor unsafeView(Tensor t, int[] shape) {
        return new UnsafeView(shape).apply(t);
    }

    /** {@code at::_unsafe_view}: a reshape whose result is not tracked as a view of its (temporary) input. */
    static final class UnsafeView extends Function {
        private final int[] shape;
        private int[] inputShape;

        UnsafeView(int[] shape) {
            this.shape = shape;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            return new Tensor(in[0].array().reshape(shape));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.reshape(inputShape)};
        }

        @Override
        protected String name() {
            return "UnsafeViewBackward0";
        }
    }

    /** matmul's {@code mm(...).squeeze_(0)} for 1-d @ 2-d: PyTorch records the in-place squeeze as SqueezeBackward4. */
    static final class SqueezeInPlace extends Function {
        private int[] inputShape;

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            inputShape = in[0].sizes();
            return new Tensor(in[0].array().squeeze(0));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.reshape(inputShape)};
        }

        @Override
        protected String name() {
            return "SqueezeBackward4";
        }
    }
}
