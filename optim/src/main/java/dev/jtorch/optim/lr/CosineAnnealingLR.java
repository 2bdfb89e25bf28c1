package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: cosine annealing from {@code base_lr} to
 * {@code eta_min} over {@code T_max} epochs (and back, periodically), by PyTorch's recursive form.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /** {@code CosineAnnealingLR(optimizer, T_max)} with eta_min=0. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0, -1);
    }

    /** {@code CosineAnnealingLR(optimizer, T_max, eta_min)}. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        this(optimizer, tMax, etaMin, -1);
    }

    /** {@code CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch)}. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (isInitial) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            double base = baseLrs.get(i);
            if (stepCount == 1 && lastEpoch > 0) {
                lrs[i] = etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                lrs[i] = lrs[i] + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            } else {
                lrs[i] = (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                        * (lrs[i] - etaMin) + etaMin;
            }
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = toArray(baseLrs);
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (out[i] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("T_max", tMax);
        m.put("eta_min", etaMin);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        tMax = intOr(sd, "T_max", tMax);
        etaMin = doubleOr(sd, "eta_min", etaMin);
    }
}
