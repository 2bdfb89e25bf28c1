package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.tensor.PyFormat;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} (SGDR): cosine annealing restarted
 * every {@code T_i} epochs, {@code T_i} growing by {@code T_mult}. {@link #step(double)} accepts
 * fractional epochs ({@code scheduler.step(epoch + i / iters)}).
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
    private int t0;
    private int tI;
    private int tMult;
    private double etaMin;
    private double tCur;

    /** {@code CosineAnnealingWarmRestarts(optimizer, T_0)}: T_mult=1, eta_min=0. */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0.0, -1);
    }

    /** {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min)}. */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin) {
        this(optimizer, t0, tMult, etaMin, -1);
    }

    /** {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min, last_epoch)}. */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
        super(optimizer, check(t0, tMult, lastEpoch));
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = lastEpoch;
        initialStep();
    }

    private static int check(int t0, int tMult, int lastEpoch) {
        if (t0 <= 0) {
            throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
        }
        return lastEpoch;
    }

    @Override
    protected double[] getLr() {
        double[] out = toArray(baseLrs);
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (out[i] - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
        return out;
    }

    /** {@code step()}: the next epoch ({@code _step_count} is not advanced, as in PyTorch). */
    @Override
    public void step() {
        if (lastEpoch < 0) {
            stepTo(0);
            return;
        }
        lastEpoch = lastEpoch + 1;
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur % tI;
            tI = tI * tMult;
        }
        apply();
    }

    /** {@code step(epoch)} for an integer epoch. */
    @Override
    public void step(int epoch) {
        stepTo(epoch);
    }

    /** {@code step(epoch)}: jumps to a possibly fractional epoch. */
    public void step(double epoch) {
        stepTo(epoch);
    }

    private void stepTo(double epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("Expected non-negative epoch, but got " + PyFormat.repr(epoch));
        }
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                long multN = pow(tMult, n);
                tCur = epoch - t0 * (multN - 1) / (double) (tMult - 1);
                tI = (int) (t0 * multN);
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = (int) Math.floor(epoch);
        apply();
    }

    private static long pow(int base, int n) {
        long r = 1;
        for (int i = 0; i < n; i++) {
            r *= base;
        }
        return r;
    }

    private void apply() {
        double[] lrs = getLr();
        for (int i = 0; i < lrs.length; i++) {
            optimizer.paramGroups().get(i).setLr(lrs[i]);
        }
        recordLastLr();
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("T_0", t0);
        m.put("T_i", tI);
        m.put("T_mult", tMult);
        m.put("eta_min", etaMin);
        m.put("T_cur", tCur == Math.rint(tCur) ? (Object) (int) tCur : (Object) tCur);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        t0 = intOr(sd, "T_0", t0);
        tI = intOr(sd, "T_i", tI);
        tMult = intOr(sd, "T_mult", tMult);
        etaMin = doubleOr(sd, "eta_min", etaMin);
        tCur = doubleOr(sd, "T_cur", tCur);
    }
}
