package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}. The module prints as {@code BCEWithLogitsLoss()}. */
public class BCEWithLogitsLoss extends Module {
    private final Tensor weight;
    private final F.Reduction reduction;
    private final Tensor posWeight;

    /** {@code nn.BCEWithLogitsLoss()}. */
    public BCEWithLogitsLoss() {
        this(null, F.Reduction.MEAN, null);
    }

    /** {@code nn.BCEWithLogitsLoss(weight, reduction, posWeight)}. */
    public BCEWithLogitsLoss(Tensor weight, F.Reduction reduction, Tensor posWeight) {
        this.weight = weight;
        this.reduction = reduction;
        this.posWeight = posWeight;
        if (weight != null) {
            registerBuffer("weight", weight);
        }
        if (posWeight != null) {
            registerBuffer("pos_weight", posWeight);
        }
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight, reduction, posWeight);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("BCEWithLogitsLoss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
