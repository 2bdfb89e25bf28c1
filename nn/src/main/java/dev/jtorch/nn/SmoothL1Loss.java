package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}. The module prints as {@code SmoothL1Loss()}. */
public class SmoothL1Loss extends Module {
    private final F.Reduction reduction;
    private final double beta;

    /** {@code nn.SmoothL1Loss()}. */
    public SmoothL1Loss() {
        this(F.Reduction.MEAN, 1.0);
    }

    /** {@code nn.SmoothL1Loss(reduction, beta)}. */
    public SmoothL1Loss(F.Reduction reduction, double beta) {
        this.reduction = reduction;
        this.beta = beta;
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction, beta);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("SmoothL1Loss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
