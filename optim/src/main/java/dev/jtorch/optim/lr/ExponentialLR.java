package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.Map;

/** {@code torch.optim.lr_scheduler.ExponentialLR}: multiplies {@code lr} by {@code gamma} every epoch. */
public final class ExponentialLR extends LRScheduler {
    private double gamma;

    /** {@code ExponentialLR(optimizer, gamma)}. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        this(optimizer, gamma, -1);
    }

    /** {@code ExponentialLR(optimizer, gamma, last_epoch)}. */
    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (isInitial) {
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
            out[i] = out[i] * Math.pow(gamma, lastEpoch);
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        gamma = doubleOr(sd, "gamma", gamma);
    }
}
