package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.HuberLoss(reduction='mean', delta=1.0)}. The module prints as {@code HuberLoss()}. */
public class HuberLoss extends Module {
    private final F.Reduction reduction;
    private final double delta;

    /** {@code nn.HuberLoss()}. */
    public HuberLoss() {
        this(F.Reduction.MEAN, 1.0);
    }

    /** {@code nn.HuberLoss(reduction, delta)}. */
    public HuberLoss(F.Reduction reduction, double delta) {
        this.reduction = reduction;
        this.delta = delta;
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction, delta);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("HuberLoss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
