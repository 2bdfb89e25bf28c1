package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code torch.optim.lr_scheduler.CyclicLR}: cycles {@code lr} between {@code base_lr} and
 * {@code max_lr} ("triangular", "triangular2", "exp_range" or a custom {@code scale_fn}), and
 * momentum (or Adam's {@code beta1}) inversely between {@code max_momentum} and {@code base_momentum}.
 * A custom scale function is not saved in the state dict ({@code _scale_fn_custom} is null), as
 * PyTorch does for plain functions.
 */
public final class CyclicLR extends LRScheduler {
    /** CyclicLR's keyword arguments with PyTorch's defaults. */
    public static final class Options {
        private final double[] baseLr;
        private final double[] maxLr;
        private double stepSizeUp = 2000;
        private Double stepSizeDown;
        private String mode = "triangular";
        private double gamma = 1.0;
        private DoubleUnaryOperator scaleFn;
        private String scaleMode = "cycle";
        private boolean cycleMomentum = true;
        private double[] baseMomentum = {0.8};
        private double[] maxMomentum = {0.9};
        private int lastEpoch = -1;

        Options(double[] baseLr, double[] maxLr) {
            this.baseLr = baseLr.clone();
            this.maxLr = maxLr.clone();
        }

        /** {@code step_size_up} (default 2000). */
        public Options stepSizeUp(int v) {
            stepSizeUp = v;
            return this;
        }

        /** {@code step_size_down} (default: step_size_up). */
        public Options stepSizeDown(Integer v) {
            stepSizeDown = v == null ? null : v.doubleValue();
            return this;
        }

        /** {@code mode}: "triangular", "triangular2" or "exp_range". */
        public Options mode(String v) {
            mode = v;
            return this;
        }

        /** {@code gamma} for "exp_range". */
        public Options gamma(double v) {
            gamma = v;
            return this;
        }

        /** {@code scale_fn}: a custom scaling policy (then {@code mode} is ignored). */
        public Options scaleFn(DoubleUnaryOperator v) {
            scaleFn = v;
            return this;
        }

        /** {@code scale_mode}: "cycle" or "iterations" (used with a custom scale_fn). */
        public Options scaleMode(String v) {
            scaleMode = v;
            return this;
        }

        /** {@code cycle_momentum}. */
        public Options cycleMomentum(boolean v) {
            cycleMomentum = v;
            return this;
        }

        /** {@code base_momentum}: one value, or one per group. */
        public Options baseMomentum(double... v) {
            baseMomentum = v.clone();
            return this;
        }

        /** {@code max_momentum}: one value, or one per group. */
        public Options maxMomentum(double... v) {
            maxMomentum = v.clone();
            return this;
        }

        /** {@code last_epoch} (the last batch index when resuming). */
        public Options lastEpoch(int v) {
            lastEpoch = v;
            return this;
        }
    }

    /** Options with {@code base_lr} and {@code max_lr} (one value each, or one per group: pass arrays). */
    public static Options options(double baseLr, double maxLr) {
        return new Options(new double[] {baseLr}, new double[] {maxLr});
    }

    /** Options with per-group {@code base_lr} and {@code max_lr}. */
    public static Options options(double[] baseLr, double[] maxLr) {
        return new Options(baseLr, maxLr);
    }

    private List<Double> maxLrs;
    private double totalSize;
    private double stepRatio;
    private String mode;
    private double gamma;
    private final DoubleUnaryOperator scaleFnCustom;
    private String scaleMode;
    private boolean cycleMomentum;
    private boolean useBeta1;
    private List<Double> baseMomentums;
    private List<Double> maxMomentums;

    /** {@code CyclicLR(optimizer, base_lr, max_lr, ...)}. */
    public CyclicLR(Optimizer optimizer, Options o) {
        super(prepare(optimizer, o), o.lastEpoch);
        this.maxLrs = formatParam("max_lr", optimizer, o.maxLr);
        double up = o.stepSizeUp;
        double down = o.stepSizeDown != null ? o.stepSizeDown : up;
        this.totalSize = up + down;
        this.stepRatio = up / totalSize;
        this.mode = o.mode;
        this.gamma = o.gamma;
        this.scaleFnCustom = o.scaleFn;
        this.scaleMode = o.scaleMode;
        initScaleFn();
        this.cycleMomentum = o.cycleMomentum;
        if (cycleMomentum) {
            this.useBeta1 = optimizer.defaultsMap().containsKey("betas");
            this.baseMomentums = formatParam("base_momentum", optimizer, o.baseMomentum);
            this.maxMomentums = formatParam("max_momentum", optimizer, o.maxMomentum);
            if (o.lastEpoch == -1) {
                List<ParamGroup> groups = optimizer.paramGroups();
                for (int i = 0; i < groups.size(); i++) {
                    setMomentum(groups.get(i), useBeta1, maxMomentums.get(i));
                    groups.get(i).set("max_momentum", maxMomentums.get(i));
                    groups.get(i).set("base_momentum", baseMomentums.get(i));
                }
            }
        }
        List<Double> baseLrsGiven = formatParam("base_lr", optimizer, o.baseLr);
        initialStep();
        this.baseLrs = new ArrayList<>(baseLrsGiven);
    }

    /**
     * What PyTorch does before {@code super().__init__}: sets {@code lr = base_lr} (when starting),
     * validates {@code max_lr}, {@code mode} and momentum support. Field assignments happen after.
     */
    private static Optimizer prepare(Optimizer optimizer, Options o) {
        List<Double> base = formatParam("base_lr", optimizer, o.baseLr);
        if (o.lastEpoch == -1) {
            for (int i = 0; i < base.size(); i++) {
                optimizer.paramGroups().get(i).setLr(base.get(i));
            }
        }
        formatParam("max_lr", optimizer, o.maxLr);
        if (!List.of("triangular", "triangular2", "exp_range").contains(o.mode) && o.scaleFn == null) {
            throw new IllegalArgumentException("mode is invalid and scale_fn is None");
        }
        if (o.cycleMomentum) {
            if (!optimizer.defaultsMap().containsKey("momentum") && !optimizer.defaultsMap().containsKey("betas")) {
                throw new IllegalArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
            }
            formatParam("base_momentum", optimizer, o.baseMomentum);
            formatParam("max_momentum", optimizer, o.maxMomentum);
        }
        return optimizer;
    }

    private void initScaleFn() {
        if (scaleFnCustom != null) {
            return;
        }
        if ("triangular".equals(mode) || "triangular2".equals(mode)) {
            scaleMode = "cycle";
        } else if ("exp_range".equals(mode)) {
            scaleMode = "iterations";
        }
    }

    /** {@code scale_fn(x)}. */
    private double scaleFn(double x) {
        if (scaleFnCustom != null) {
            return scaleFnCustom.applyAsDouble(x);
        }
        switch (mode) {
            case "triangular":
                return 1.0;
            case "triangular2":
                return 1 / Math.pow(2.0, x - 1);
            default:
                return Math.pow(gamma, x);
        }
    }

    @Override
    protected double[] getLr() {
        // base_lrs is assigned after the initial step in PyTorch; until then it is the groups' initial_lr
        long cycle = (long) Math.floor(1 + lastEpoch / totalSize);
        double x = 1.0 + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = "cycle".equals(scaleMode) ? scaleFn(cycle) : scaleFn(lastEpoch);
        double[] lrs = new double[baseLrs.size()];
        for (int i = 0; i < lrs.length; i++) {
            double baseHeight = (maxLrs.get(i) - baseLrs.get(i)) * scaleFactor;
            lrs[i] = baseLrs.get(i) + baseHeight * scale;
        }
        if (cycleMomentum) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (int i = 0; i < baseMomentums.size(); i++) {
                double baseHeight = (maxMomentums.get(i) - baseMomentums.get(i)) * scaleFactor;
                setMomentum(groups.get(i), useBeta1, maxMomentums.get(i) - baseHeight * scale);
            }
        }
        return lrs;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("max_lrs", new ArrayList<>(maxLrs));
        m.put("total_size", totalSize);
        m.put("step_ratio", stepRatio);
        m.put("mode", mode);
        m.put("gamma", gamma);
        m.put("scale_mode", scaleMode);
        m.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            m.put("use_beta1", useBeta1);
            m.put("base_momentums", new ArrayList<>(baseMomentums));
            m.put("max_momentums", new ArrayList<>(maxMomentums));
        }
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = super.stateDict();
        m.put("_scale_fn_custom", null);
        return m;
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        maxLrs = doublesOr(sd, "max_lrs", maxLrs);
        totalSize = doubleOr(sd, "total_size", totalSize);
        stepRatio = doubleOr(sd, "step_ratio", stepRatio);
        mode = stringOr(sd, "mode", mode);
        gamma = doubleOr(sd, "gamma", gamma);
        scaleMode = stringOr(sd, "scale_mode", scaleMode);
        cycleMomentum = boolOr(sd, "cycle_momentum", cycleMomentum);
        useBeta1 = boolOr(sd, "use_beta1", useBeta1);
        baseMomentums = doublesOr(sd, "base_momentums", baseMomentums);
        maxMomentums = doublesOr(sd, "max_momentums", maxMomentums);
        initScaleFn();
    }
}
