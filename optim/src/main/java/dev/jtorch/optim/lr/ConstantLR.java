package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ConstantLR}: multiplies {@code lr} by {@code factor} until epoch
 * {@code total_iters}, then restores it.
 */
public final class ConstantLR extends LRScheduler {
    private double factor;
    private int totalIters;

    /** {@code ConstantLR(optimizer)}: factor=1/3, total_iters=5. */
    public ConstantLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 5, -1);
    }

    /** {@code ConstantLR(optimizer, factor, total_iters)}. */
    public ConstantLR(Optimizer optimizer, double factor, int totalIters) {
        this(optimizer, factor, totalIters, -1);
    }

    /** {@code ConstantLR(optimizer, factor, total_iters, last_epoch)}. */
    public ConstantLR(Optimizer optimizer, double factor, int totalIters, int lastEpoch) {
        super(optimizer, check(factor, lastEpoch));
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    private static int check(double factor, int lastEpoch) {
        if (factor > 1.0 || factor < 0) {
            throw new IllegalArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
        }
        return lastEpoch;
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            for (int i = 0; i < lrs.length; i++) {
                lrs[i] = lrs[i] * factor;
            }
            return lrs;
        }
        if (lastEpoch != totalIters) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * (1.0 / factor);
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = toArray(baseLrs);
        double reached = lastEpoch >= totalIters ? 1 : 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * (factor + reached * (1 - factor));
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("factor", factor);
        m.put("total_iters", totalIters);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        factor = doubleOr(sd, "factor", factor);
        totalIters = intOr(sd, "total_iters", totalIters);
    }
}
