package dev.jtorch.autograd;

import dev.jtorch.Tensor;

/**
 * A differentiable operation with one output, like {@code torch.autograd.Function}: subclass it,
 * write {@code forward} (runs with grad disabled) and {@code backward} (written with tensor ops,
 * so it is itself differentiable when {@code createGraph} is set), then call
 * {@code new MyFn().apply(x, y)}. Non-tensor arguments go in the subclass's fields.
 *
 * <pre>{@code
 * class Cube extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return in[0].pow(3);
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor grad) {
 *         Tensor x = ctx.savedTensors()[0];
 *         return new Tensor[] {grad.mul(x.pow(2)).mul(3)};
 *     }
 * }
 * }</pre>
 *
 * Gradients returned for broadcast inputs are summed back to the input's shape by the engine,
 * and cast to its dtype, so {@code backward} may return the broadcast shape.
 */
public abstract class Function {
    /** Computes the output from the inputs; grad mode is off inside. */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** One gradient per input (null where none is needed) from the gradient of the output. */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /**
     * The node's name shown as {@code grad_fn=<...>}; PyTorch names custom functions
     * {@code <ClassName>Backward}. Built-in ops return PyTorch's names ({@code MulBackward0}).
     */
    protected String name() {
        return getClass().getSimpleName() + "Backward";
    }

    /** Runs forward and, when grad mode is on and an input requires grad, records the node. */
    public final Tensor apply(Tensor... inputs) {
        return Recorder.apply(this, inputs);
    }
}
