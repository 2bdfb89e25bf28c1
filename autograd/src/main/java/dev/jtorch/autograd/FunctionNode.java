package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.DType;
import java.util.Arrays;

/** The graph node recorded for one application of a {@link Function} or {@link MultiOutputFunction}. */
final class FunctionNode extends Node {
    private final Object fn;
    private final Context ctx;
    private final String name;
    private final int[][] inputShapes;
    private final DType[] inputDtypes;
    private final int[][] outputShapes;
    private final DType[] outputDtypes;

    FunctionNode(Object fn, String name, Context ctx, Edge[] next, Tensor[] inputs, Tensor[] outputs) {
        super(next);
        this.fn = fn;
        this.name = name;
        this.ctx = ctx;
        this.inputShapes = new int[inputs.length][];
        this.inputDtypes = new DType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (next[i] != null) {
                inputShapes[i] = inputs[i].sizes();
                inputDtypes[i] = inputs[i].dtype();
            }
        }
        this.outputShapes = new int[outputs.length][];
        this.outputDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outputShapes[i] = outputs[i].sizes();
            outputDtypes[i] = outputs[i].dtype();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    int numOutputs() {
        return outputShapes.length;
    }

    @Override
    Tensor[] apply(Tensor[] grads, boolean createGraph) {
        Tensor[] gin;
        if (fn instanceof Function) {
            Tensor g = grads[0];
            if (g == null && ctx.materializeGrads) {
                g = Tensor.zeros(outputDtypes[0], outputShapes[0]);
            }
            gin = ((Function) fn).backward(ctx, g);
        } else {
            Tensor[] gs = grads.clone();
            if (ctx.materializeGrads) {
                for (int i = 0; i < gs.length; i++) {
                    if (gs[i] == null) {
                        gs[i] = Tensor.zeros(outputDtypes[i], outputShapes[i]);
                    }
                }
            }
            gin = ((MultiOutputFunction) fn).backward(ctx, gs);
        }
        if (gin == null || gin.length != next.length) {
            throw new IllegalStateException("function " + name + " returned an incorrect number of gradients (expected "
                    + next.length + ", got " + (gin == null ? 0 : gin.length) + ")");
        }
        for (int i = 0; i < gin.length; i++) {
            if (next[i] == null || gin[i] == null) {
                gin[i] = null;
                continue;
            }
            gin[i] = conform(i, gin[i]);
        }
        return gin;
    }

    /** PyTorch's validate_outputs: sum a broadcast gradient back to the input's shape, cast its dtype. */
    private Tensor conform(int i, Tensor g) {
        int[] want = inputShapes[i];
        if (!hasSizes(g, want)) {
            if (!expandable(want, g.sizes())) {
                throw new IllegalStateException("Function " + name + " returned an invalid gradient at index " + i
                        + " - got " + Arrays.toString(g.sizes()) + " but expected shape compatible with "
                        + Arrays.toString(want));
            }
            g = g.sumToSize(want);
        }
        if (g.dtype() != inputDtypes[i]) {
            g = g.to(inputDtypes[i]);
        }
        return g;
    }

    /** {@code g.sizes()} equals {@code want}, without copying g's sizes (this runs for every gradient). */
    private static boolean hasSizes(Tensor g, int[] want) {
        if (g.dim() != want.length) {
            return false;
        }
        for (int d = 0; d < want.length; d++) {
            if (g.size(d) != want[d]) {
                return false;
            }
        }
        return true;
    }

    private static boolean expandable(int[] small, int[] big) {
        if (small.length > big.length) {
            return false;
        }
        for (int i = 0; i < small.length; i++) {
            int s = small[small.length - 1 - i];
            int b = big[big.length - 1 - i];
            if (s != b && s != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    void release() {
        ctx.release();
    }
}
