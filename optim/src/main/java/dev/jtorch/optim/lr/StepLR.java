package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.Map;

/** {@code torch.optim.lr_scheduler.StepLR}: multiplies {@code lr} by {@code gamma} every {@code step_size} epochs. */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /** {@code StepLR(optimizer, step_size)} with gamma=0.1. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1, -1);
    }

    /** {@code StepLR(optimizer, step_size, gamma)}. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        this(optimizer, stepSize, gamma, -1);
    }

    /** {@code StepLR(optimizer, step_size, gamma, last_epoch)}. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0 || Math.floorMod(lastEpoch, stepSize) != 0) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * gamma;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = toArray(baseLrs);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("step_size", stepSize);
        m.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        stepSize = intOr(sd, "step_size", stepSize);
        gamma = doubleOr(sd, "gamma", gamma);
    }
}
