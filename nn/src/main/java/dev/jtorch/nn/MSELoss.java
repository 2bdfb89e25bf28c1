package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.MSELoss(reduction='mean')}. The module prints as {@code MSELoss()}. */
public class MSELoss extends Module {
    private final F.Reduction reduction;

    /** {@code nn.MSELoss()}. */
    public MSELoss() {
        this(F.Reduction.MEAN);
    }

    /** {@code nn.MSELoss(reduction)}. */
    public MSELoss(F.Reduction reduction) {
        this.reduction = reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("MSELoss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
