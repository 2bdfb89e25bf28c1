package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')}. The module prints as {@code NLLLoss()}. */
public class NLLLoss extends Module {
    private final Tensor weight;
    private final long ignoreIndex;
    private final F.Reduction reduction;

    /** {@code nn.NLLLoss()}. */
    public NLLLoss() {
        this(null, -100, F.Reduction.MEAN);
    }

    /** {@code nn.NLLLoss(weight, ignoreIndex, reduction)}. */
    public NLLLoss(Tensor weight, long ignoreIndex, F.Reduction reduction) {
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        this.reduction = reduction;
        if (weight != null) {
            registerBuffer("weight", weight);
        }
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("NLLLoss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
