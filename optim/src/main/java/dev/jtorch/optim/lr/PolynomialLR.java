package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.PolynomialLR}: decays {@code lr} as
 * {@code base_lr * (1 - min(total_iters, epoch) / total_iters) ** power}.
 */
public final class PolynomialLR extends LRScheduler {
    private int totalIters;
    private double power;

    /** {@code PolynomialLR(optimizer)}: total_iters=5, power=1.0. */
    public PolynomialLR(Optimizer optimizer) {
        this(optimizer, 5, 1.0, -1);
    }

    /** {@code PolynomialLR(optimizer, total_iters, power)}. */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power) {
        this(optimizer, totalIters, power, -1);
    }

    /** {@code PolynomialLR(optimizer, total_iters, power, last_epoch)}. */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (isInitial || lastEpoch > totalIters) {
            return lrs;
        }
        double decay = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * decay;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = toArray(baseLrs);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power);
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("total_iters", totalIters);
        m.put("power", power);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        totalIters = intOr(sd, "total_iters", totalIters);
        power = doubleOr(sd, "power", power);
    }
}
