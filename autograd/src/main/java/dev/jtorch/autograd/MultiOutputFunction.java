package dev.jtorch.autograd;

import dev.jtorch.Tensor;

/**
 * A differentiable operation with several outputs ({@code torch.autograd.Function} whose forward
 * returns a tuple). {@code backward} receives one gradient per output: zeros for outputs that got
 * none (or null after {@link Context#setMaterializeGrads(boolean) setMaterializeGrads(false)}).
 */
public abstract class MultiOutputFunction {
    /** Computes the outputs; grad mode is off inside. */
    protected abstract Tensor[] forward(Context ctx, Tensor... inputs);

    /** One gradient per input (null where none is needed) from one gradient per output. */
    protected abstract Tensor[] backward(Context ctx, Tensor... gradOutputs);

    /** The node's name, {@code <ClassName>Backward} by default. */
    protected String name() {
        return getClass().getSimpleName() + "Backward";
    }

    /** Runs forward and records one node for all outputs when needed. */
    public final Tensor[] apply(Tensor... inputs) {
        return Recorder.apply(this, inputs);
    }
}
