package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.Promotion;

/**
 * Differentiable elementwise ops: each is a {@link Function} with forward and backward side by
 * side. Broadcast gradients are summed back to each input's shape by the engine, not here.
 * Scalars become 0-d tensors of the Python-scalar dtype, which gives PyTorch's promotion.
 */
final class PointwiseOps {
    private PointwiseOps() {}

    static Tensor scalar(double v) {
        return new Tensor(NDArray.scalar(v, DType.defaultFloat()));
    }

    static Tensor scalar(long v) {
        return new Tensor(NDArray.scalar(v, DType.INT64));
    }

    /** A scalar operand in the dtype the op would compute in, so no promotion widens the result. */
    static Tensor scalarFor(Tensor t, double v) {
        return new Tensor(NDArray.scalar(v, Promotion.of(t.array(), v)));
    }

    static final class Add extends Function {
        private final double alpha;

        Add(double alpha) {
            this.alpha = alpha;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray b = alpha == 1 ? in[1].array() : in[1].array().mul(alpha);
            return new Tensor(in[0].array().add(b));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g, ctx.needsInputGrad(1) ? (alpha == 1 ? g : g.mul(alpha)) : null};
        }

        @Override
        protected String name() {
            return "AddBackward0";
        }
    }

    static final class Sub extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().sub(in[1].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g, ctx.needsInputGrad(1) ? g.neg() : null};
        }

        @Override
        protected String name() {
            return "SubBackward0";
        }
    }

    static final class Mul extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return new Tensor(in[0].array().mul(in[1].array()));
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
            return "MulBackward0";
        }
    }

    static final class Div extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return new Tensor(in[0].array().div(in[1].array()));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            return new Tensor[] {
                ctx.needsInputGrad(0) ? g.div(s[1]) : null,
                ctx.needsInputGrad(1) ? g.neg().mul(s[0]).div(s[1].mul(s[1])) : null};
        }

        @Override
        protected String name() {
            return "DivBackward0";
        }
    }

    static final class Neg extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().neg());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.neg()};
        }

        @Override
        protected String name() {
            return "NegBackward0";
        }
    }

    static final class Exp extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor out = new Tensor(in[0].array().exp());
            ctx.saveForBackward(out);
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.savedTensors()[0])};
        }

        @Override
        protected String name() {
            return "ExpBackward0";
        }
    }

    static final class Log extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return new Tensor(in[0].array().log());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.div(ctx.savedTensors()[0])};
        }

        @Override
        protected String name() {
            return "LogBackward0";
        }
    }

    static final class Sqrt extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor out = new Tensor(in[0].array().sqrt());
            ctx.saveForBackward(out);
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.div(ctx.savedTensors()[0].mul(2L))};
        }

        @Override
        protected String name() {
            return "SqrtBackward0";
        }
    }

    static final class Abs extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return new Tensor(in[0].array().abs());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.savedTensors()[0].sign())};
        }

        @Override
        protected String name() {
            return "AbsBackward0";
        }
    }

    static final class Relu extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor out = new Tensor(in[0].array().relu());
            ctx.saveForBackward(out);
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            // PyTorch: threshold_backward(grad, result, 0): gradient passes where result > 0
            Tensor result = ctx.savedTensors()[0];
            return new Tensor[] {g.mul(result.gt(0.0).to(g.dtype()))};
        }

        @Override
        protected String name() {
            return "ReluBackward0";
        }
    }

    /** {@code torch.sign}: a zero gradient everywhere. */
    static final class Sign extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().sign());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {Tensor.zerosLike(g)};
        }

        @Override
        protected String name() {
            return "SignBackward0";
        }
    }

    /** {@code tensor.to(dtype)}: the gradient is cast back by the engine. */
    static final class ToDtype extends Function {
        private final DType target;

        ToDtype(DType target) {
            this.target = target;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().to(target) == in[0].array() ? in[0].array().clone() : in[0].array().to(target));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g};
        }

        @Override
        protected String name() {
            return "ToCopyBackward0";
        }
    }

    /** {@code tensor.clone()}. */
    static final class Clone extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return new Tensor(in[0].array().clone());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g};
        }

        @Override
        protected String name() {
            return "CloneBackward0";
        }
    }

    /** Comparisons: not differentiable, never recorded. */
    static Tensor noGrad(NDArray result) {
        return new Tensor(result);
    }
}
