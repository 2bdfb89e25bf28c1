package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.KLDivLoss(reduction='mean', log_target=False)}. The module prints as {@code KLDivLoss()}. */
public class KLDivLoss extends Module {
    private final String reduction;
    private final boolean logTarget;

    /** {@code nn.KLDivLoss()}. */
    public KLDivLoss() {
        this("mean", false);
    }

    /** {@code nn.KLDivLoss(reduction, logTarget)}. */
    public KLDivLoss(String reduction, boolean logTarget) {
        this.reduction = reduction;
        this.logTarget = logTarget;
    }

    /** The loss of {@code input} against {@code target}. */
    public Tensor forward(Tensor input, Tensor target) {
        return F.klDiv(input, target, reduction, logTarget);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException("KLDivLoss.forward() takes 2 arguments (input, target) but " + inputs.length + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
