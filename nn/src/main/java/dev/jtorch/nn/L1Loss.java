package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.L1Loss(reduction='mean')}. The module prints as {@code L1Loss()}. */
public class L1Loss extends Module {
    private final F.Reduction reduction;

    /** {@code nn.L1Loss()}. */
    public L1Loss() {
        this(F.Reduction.MEAN);
    }

    /** {@code nn.L1Loss(reduction)}. */
    public L1Loss(F.Reduction reduction) {
        this.reduction = reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("L1Loss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
