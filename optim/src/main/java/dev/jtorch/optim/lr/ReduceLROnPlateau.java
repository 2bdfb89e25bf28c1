package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}: multiplies {@code lr} by {@code factor} when a
 * metric has not improved for more than {@code patience} steps ({@code min}/{@code max} mode,
 * {@code rel}/{@code abs} threshold), then waits {@code cooldown} steps; never below
 * {@code min_lr}, and skips changes smaller than {@code eps}. Step it with {@link #step(double)}.
 */
public final class ReduceLROnPlateau extends LRScheduler {
    /** ReduceLROnPlateau's keyword arguments with PyTorch's defaults. */
    public static final class Options {
        private String mode = "min";
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private String thresholdMode = "rel";
        private int cooldown;
        private double[] minLr = {0};
        private boolean minLrIsList;
        private double eps = 1e-8;

        /** {@code mode}: "min" or "max". */
        public Options mode(String v) {
            mode = v;
            return this;
        }

        /** {@code factor} (default 0.1; must be below 1). */
        public Options factor(double v) {
            factor = v;
            return this;
        }

        /** {@code patience} (default 10). */
        public Options patience(int v) {
            patience = v;
            return this;
        }

        /** {@code threshold} (default 1e-4). */
        public Options threshold(double v) {
            threshold = v;
            return this;
        }

        /** {@code threshold_mode}: "rel" or "abs". */
        public Options thresholdMode(String v) {
            thresholdMode = v;
            return this;
        }

        /** {@code cooldown} (default 0). */
        public Options cooldown(int v) {
            cooldown = v;
            return this;
        }

        /** {@code min_lr}: one bound for every group. */
        public Options minLr(double v) {
            minLr = new double[] {v};
            minLrIsList = false;
            return this;
        }

        /** {@code min_lr=[...]}: one bound per group. */
        public Options minLrs(double... v) {
            minLr = v.clone();
            minLrIsList = true;
            return this;
        }

        /** {@code eps} (default 1e-8). */
        public Options eps(double v) {
            eps = v;
            return this;
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    private double factor;
    private Double defaultMinLr;
    private List<Double> minLrs;
    private int patience;
    private int cooldown;
    private double eps;
    private double modeWorse;
    private String mode;
    private double threshold;
    private String thresholdMode;
    private double best;
    private int cooldownCounter;
    private int numBadEpochs;

    /** {@code ReduceLROnPlateau(optimizer)} with PyTorch's defaults. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, options());
    }

    /** {@code ReduceLROnPlateau(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps)}. */
    public ReduceLROnPlateau(Optimizer optimizer, Options o) {
        super(optimizer);
        if (o.factor >= 1.0) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        this.factor = o.factor;
        int groups = optimizer.paramGroups().size();
        if (o.minLrIsList) {
            if (o.minLr.length != groups) {
                throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + o.minLr.length);
            }
            this.defaultMinLr = null;
            this.minLrs = new ArrayList<>();
            for (double v : o.minLr) {
                minLrs.add(v);
            }
        } else {
            this.defaultMinLr = o.minLr[0];
            this.minLrs = new ArrayList<>(Collections.nCopies(groups, o.minLr[0]));
        }
        this.patience = o.patience;
        this.cooldown = o.cooldown;
        this.eps = o.eps;
        this.lastEpoch = 0;
        recordLastLr();
        initIsBetter(o.mode, o.threshold, o.thresholdMode);
        reset();
    }

    private void reset() {
        best = modeWorse;
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    private void initIsBetter(String mode, double threshold, String thresholdMode) {
        if (!"min".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("mode " + mode + " is unknown!");
        }
        if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        modeWorse = "min".equals(mode) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.mode = mode;
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
    }

    /** Throws: {@code ReduceLROnPlateau.step} needs the metric ({@link #step(double)}). */
    @Override
    public void step() {
        throw new IllegalArgumentException("ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'");
    }

    /** {@code step(metrics)}. */
    public void step(double metrics) {
        stepAt(metrics, lastEpoch + 1);
    }

    /** {@code step(metrics)} with an integer metric (Java would otherwise pick the base class's {@code step(epoch)}). */
    @Override
    public void step(int metrics) {
        step((double) metrics);
    }

    /** {@code step(metrics, epoch)} (the epoch argument is deprecated in PyTorch). */
    public void step(double metrics, int epoch) {
        stepAt(metrics, epoch);
    }

    private void stepAt(double current, int epoch) {
        lastEpoch = epoch;
        if (isBetter(current, best)) {
            best = current;
            numBadEpochs = 0;
        } else {
            numBadEpochs += 1;
        }
        if (cooldownCounter > 0) {
            cooldownCounter -= 1;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        recordLastLr();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != minLrs.size()) {
            if (defaultMinLr == null) {
                throw new IllegalStateException("The number of param groups in the `optimizer` (" + groups.size()
                        + ") differs from when `ReduceLROnPlateau` was initialized (" + minLrs.size()
                        + "), usually due to a new param group being added to the optimizer. Please modify the `min_lrs` field "
                        + "to match the length of the `optimizer` param groups.");
            }
            minLrs = new ArrayList<>(Collections.nCopies(groups.size(), defaultMinLr));
        }
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double newLr = Math.max(oldLr * factor, minLrs.get(i));
            if (oldLr - newLr > eps) {
                groups.get(i).setLr(newLr);
            }
        }
    }

    /** {@code in_cooldown}. */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    private boolean isBetter(double a, double best) {
        if ("min".equals(mode) && "rel".equals(thresholdMode)) {
            return a < best * (1.0 - threshold);
        } else if ("min".equals(mode)) {
            return a < best - threshold;
        } else if ("rel".equals(thresholdMode)) {
            return a > best * (threshold + 1.0);
        }
        return a > best + threshold;
    }

    /** The chainable form of a plateau scheduler is the current learning rates (it changes them only in {@code step}). */
    @Override
    protected double[] getLr() {
        return currentLrs();
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("factor", factor);
        m.put("default_min_lr", defaultMinLr);
        m.put("min_lrs", new ArrayList<>(minLrs));
        m.put("patience", patience);
        m.put("cooldown", cooldown);
        m.put("eps", eps);
        m.put("last_epoch", lastEpoch);
        m.put("_last_lr", new ArrayList<>(lastLr));
        m.put("mode_worse", modeWorse);
        m.put("mode", mode);
        m.put("threshold", threshold);
        m.put("threshold_mode", thresholdMode);
        m.put("best", best);
        m.put("cooldown_counter", cooldownCounter);
        m.put("num_bad_epochs", numBadEpochs);
        return m;
    }

    @Override
    public void loadStateDict(Map<String, Object> sd) {
        factor = doubleOr(sd, "factor", factor);
        if (sd.containsKey("default_min_lr")) {
            Object v = sd.get("default_min_lr");
            defaultMinLr = v == null ? null : ((Number) v).doubleValue();
        }
        minLrs = doublesOr(sd, "min_lrs", minLrs);
        patience = intOr(sd, "patience", patience);
        cooldown = intOr(sd, "cooldown", cooldown);
        eps = doubleOr(sd, "eps", eps);
        lastEpoch = intOr(sd, "last_epoch", lastEpoch);
        lastLr = doublesOr(sd, "_last_lr", lastLr);
        best = doubleOr(sd, "best", best);
        cooldownCounter = intOr(sd, "cooldown_counter", cooldownCounter);
        numBadEpochs = intOr(sd, "num_bad_epochs", numBadEpochs);
        initIsBetter(stringOr(sd, "mode", mode), doubleOr(sd, "threshold", threshold), stringOr(sd, "threshold_mode", thresholdMode));
    }
}
