package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;

/**
 * A differentiable op written as two lambdas side by side: {@code forward} on arrays (runs under
 * no-grad), {@code backward} on tensors (so {@code createGraph} differentiates it again). The op
 * saves its inputs and/or its result for backward, as PyTorch's derivatives.yaml formulas read
 * {@code self}, {@code other} and {@code result}. Broadcast gradients are summed back to each
 * input's shape (and cast to its dtype) by the engine.
 *
 * <pre>{@code
 * new Op("ExpBackward0", Op.RESULT, a -> a[0].exp(), (ctx, g, x, r) -> grads(g.mul(r))).apply(self)
 * }</pre>
 */
final class Op extends Function {
    /** Save nothing. */
    static final int NONE = 0;
    /** Save input 0 (backward reads {@code x[0]}). */
    static final int X0 = 1;
    /** Save input 1. */
    static final int X1 = 2;
    /** Save input 2. */
    static final int X2 = 4;
    /** Save every input. */
    static final int INPUTS = 0xFFFF;
    /** Save the result (backward reads {@code r}). */
    static final int RESULT = 0x10000;

    /**
     * What to save, decided when the op runs: PyTorch saves an input only when a gradient that
     * reads it is needed, so in-place changes to the other inputs do not fail backward.
     */
    @FunctionalInterface
    interface Saves {
        int mask(Context ctx);
    }

    /** The value of the op on arrays. */
    @FunctionalInterface
    interface Forward {
        NDArray apply(NDArray[] in);
    }

    /**
     * One gradient per input (null where none is needed) from the output gradient {@code g}, the
     * saved inputs {@code x} (null when not saved) and the saved result {@code r}.
     */
    @FunctionalInterface
    interface Backward {
        Tensor[] apply(Context ctx, Tensor g, Tensor[] x, Tensor r);
    }

    private final String name;
    private final Saves saves;
    private final Forward forward;
    private final Backward backward;
    private int arity;
    private int saved;

    Op(String name, int saves, Forward forward, Backward backward) {
        this(name, ctx -> saves, forward, backward);
    }

    Op(String name, Saves saves, Forward forward, Backward backward) {
        this.name = name;
        this.saves = saves;
        this.forward = forward;
        this.backward = backward;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        arity = in.length;
        Tensor out = new Tensor(forward.apply(arrays(in)));
        saved = save(ctx, saves.mask(ctx), in, out);
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor g) {
        return run(backward, saved, arity, ctx, g);
    }

    @Override
    protected String name() {
        return name;
    }

    /** Saves the inputs and result named by {@code mask}; returns the mask. */
    static int save(Context ctx, int mask, Tensor[] in, Tensor out) {
        if (mask != NONE) {
            Tensor[] s = new Tensor[in.length + 1];
            for (int i = 0; i < in.length; i++) {
                if ((mask >> i & 1) != 0) {
                    s[i] = in[i];
                }
            }
            if ((mask & RESULT) != 0) {
                s[in.length] = out;
            }
            ctx.saveForBackward(s);
        }
        return mask;
    }

    /** Unpacks what was saved and calls {@code backward}. */
    static Tensor[] run(Backward backward, int saved, int arity, Context ctx, Tensor g) {
        Tensor[] s = saved == NONE ? new Tensor[arity + 1] : ctx.savedTensors();
        return backward.apply(ctx, g, Arrays.copyOf(s, arity), s[arity]);
    }

    static NDArray[] arrays(Tensor[] in) {
        NDArray[] a = new NDArray[in.length];
        for (int i = 0; i < in.length; i++) {
            a[i] = in[i] == null ? null : in[i].array();
        }
        return a;
    }

    /** The gradients array, for readable backward lambdas. */
    static Tensor[] grads(Tensor... g) {
        return g;
    }

    /** {@code needs(ctx, i) ? grad : null}, evaluating {@code grad} only when needed. */
    static Tensor ifNeeded(Context ctx, int i, java.util.function.Supplier<Tensor> grad) {
        return ctx.needsInputGrad(i) ? grad.get() : null;
    }
}
