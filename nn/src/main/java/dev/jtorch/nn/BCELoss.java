package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.BCELoss(weight=None, reduction='mean')}. The module prints as {@code BCELoss()}. */
public class BCELoss extends Module {
    private final Tensor weight;
    private final F.Reduction reduction;

    /** {@code nn.BCELoss()}. */
    public BCELoss() {
        this(null, F.Reduction.MEAN);
    }

    /** {@code nn.BCELoss(weight, reduction)}. */
    public BCELoss(Tensor weight, F.Reduction reduction) {
        this.weight = weight;
        this.reduction = reduction;
        if (weight != null) {
            registerBuffer("weight", weight);
        }
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight, reduction);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("BCELoss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
