package dev.jtorch.examples;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.autograd.GradCheck;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;

/**
 * A user-written differentiable op, verified the way PyTorch users verify theirs: a
 * {@link Function} with forward and backward, checked by {@link GradCheck#gradcheck} (first
 * derivatives) and {@link GradCheck#gradgradcheck} (second derivatives) against finite
 * differences. The same check runs as a jqwik property in this module's tests.
 */
public final class GradCheckDemo {
    private GradCheckDemo() {}

    /** {@code y = x * sigmoid(beta * x)} (swish), with its backward written by hand. */
    public static final class Swish extends Function {
        private final double beta;

        public Swish(double beta) {
            this.beta = beta;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].mul(in[0].mul(beta).sigmoid());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            Tensor x = ctx.savedTensors()[0];
            Tensor s = x.mul(beta).sigmoid();
            // d/dx [x s(bx)] = s + b x s (1 - s)
            Tensor d = s.add(x.mul(beta).mul(s).mul(s.rsub(1.0)));
            return new Tensor[] {grad.mul(d)};
        }
    }

    /** Checks Swish on random float64 inputs; returns the lines it prints. */
    public static String run() {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(Generator.defaultGenerator(), DType.FLOAT64, 4, 3).requiresGrad_(true);
        boolean first = GradCheck.gradcheck(GradCheck.Fn.of(in -> new Swish(1.5).apply(in[0])), x);
        boolean second = GradCheck.gradgradcheck(GradCheck.Fn.of(in -> new Swish(1.5).apply(in[0])), x);
        Tensor y = new Swish(1.5).apply(x);
        return "swish output: " + y + "\ngradcheck: " + first + "\ngradgradcheck: " + second;
    }

    /** Prints the checks. */
    public static void main(String[] args) {
        System.out.println(run());
    }
}
