package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: scales {@code lr} by a factor moving linearly from
 * {@code start_factor} to {@code end_factor} over {@code total_iters} epochs.
 */
public final class LinearLR extends LRScheduler {
    private double startFactor;
    private double endFactor;
    private int totalIters;

    /** {@code LinearLR(optimizer)}: start_factor=1/3, end_factor=1.0, total_iters=5. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5, -1);
    }

    /** {@code LinearLR(optimizer, start_factor, end_factor, total_iters)}. */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        this(optimizer, startFactor, endFactor, totalIters, -1);
    }

    /** {@code LinearLR(optimizer, start_factor, end_factor, total_iters, last_epoch)}. */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
        super(optimizer, check(startFactor, endFactor, lastEpoch));
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    private static int check(double startFactor, double endFactor, int lastEpoch) {
        if (startFactor > 1.0 || startFactor <= 0) {
            throw new IllegalArgumentException(
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        return lastEpoch;
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch == 0) {
            for (int i = 0; i < lrs.length; i++) {
                lrs[i] = lrs[i] * startFactor;
            }
            return lrs;
        }
        if (isInitial || lastEpoch > totalIters) {
            return lrs;
        }
        double mult = 1.0 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * mult;
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = toArray(baseLrs);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("start_factor", startFactor);
        m.put("end_factor", endFactor);
        m.put("total_iters", totalIters);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        startFactor = doubleOr(sd, "start_factor", startFactor);
        endFactor = doubleOr(sd, "end_factor", endFactor);
        totalIters = intOr(sd, "total_iters", totalIters);
    }
}
