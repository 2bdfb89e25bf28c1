package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean',
 * label_smoothing=0.0)}. With class-index targets it records {@code NllLossBackward0}, so a loss
 * prints as {@code tensor(1.2060, grad_fn=<NllLossBackward0>)}.
 */
public class CrossEntropyLoss extends Module {
    private final Tensor weight;
    private final long ignoreIndex;
    private final F.Reduction reduction;
    private final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}. */
    public CrossEntropyLoss() {
        this(null, -100, F.Reduction.MEAN, 0.0);
    }

    /** {@code nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)}. */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, F.Reduction reduction, double labelSmoothing) {
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        this.reduction = reduction;
        this.labelSmoothing = labelSmoothing;
        if (weight != null) {
            registerBuffer("weight", weight);
        }
    }

    /** The loss of {@code input} (logits) against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("CrossEntropyLoss.forward() takes 2 arguments (input, target) but "
                    + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
