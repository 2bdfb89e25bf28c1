package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import dev.jtorch.tensor.PyFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.OneCycleLR}: the 1cycle policy, from {@code max_lr / div_factor} up
 * to {@code max_lr} and down to {@code initial_lr / final_div_factor} (two phases, or three with
 * {@code three_phase}), by cosine or linear annealing, with momentum (or {@code beta1}) cycled inversely.
 */
public final class OneCycleLR extends LRScheduler {
    /** OneCycleLR's keyword arguments with PyTorch's defaults. */
    public static final class Options {
        private final double[] maxLr;
        private Integer totalSteps;
        private Integer epochs;
        private Integer stepsPerEpoch;
        private double pctStart = 0.3;
        private String annealStrategy = "cos";
        private boolean cycleMomentum = true;
        private double[] baseMomentum = {0.85};
        private double[] maxMomentum = {0.95};
        private double divFactor = 25.0;
        private double finalDivFactor = 1e4;
        private boolean threePhase;
        private int lastEpoch = -1;

        Options(double[] maxLr) {
            this.maxLr = maxLr.clone();
        }

        /** {@code total_steps}. */
        public Options totalSteps(Integer v) {
            totalSteps = v;
            return this;
        }

        /** {@code epochs} (with steps_per_epoch, when total_steps is not given). */
        public Options epochs(Integer v) {
            epochs = v;
            return this;
        }

        /** {@code steps_per_epoch}. */
        public Options stepsPerEpoch(Integer v) {
            stepsPerEpoch = v;
            return this;
        }

        /** {@code pct_start} (default 0.3). */
        public Options pctStart(double v) {
            pctStart = v;
            return this;
        }

        /** {@code anneal_strategy}: "cos" or "linear". */
        public Options annealStrategy(String v) {
            annealStrategy = v;
            return this;
        }

        /** {@code cycle_momentum}. */
        public Options cycleMomentum(boolean v) {
            cycleMomentum = v;
            return this;
        }

        /** {@code base_momentum} (default 0.85): one value or one per group. */
        public Options baseMomentum(double... v) {
            baseMomentum = v.clone();
            return this;
        }

        /** {@code max_momentum} (default 0.95): one value or one per group. */
        public Options maxMomentum(double... v) {
            maxMomentum = v.clone();
            return this;
        }

        /** {@code div_factor} (default 25). */
        public Options divFactor(double v) {
            divFactor = v;
            return this;
        }

        /** {@code final_div_factor} (default 1e4). */
        public Options finalDivFactor(double v) {
            finalDivFactor = v;
            return this;
        }

        /** {@code three_phase}. */
        public Options threePhase(boolean v) {
            threePhase = v;
            return this;
        }

        /** {@code last_epoch}. */
        public Options lastEpoch(int v) {
            lastEpoch = v;
            return this;
        }
    }

    /** Options with {@code max_lr} (one value, or one per group). */
    public static Options options(double... maxLr) {
        return new Options(maxLr);
    }

    /** One entry of {@code _schedule_phases}. */
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {}

    private int totalSteps;
    private List<Phase> phases;
    private String annealFuncType;
    private boolean cycleMomentum;
    private boolean useBeta1;

    /** {@code OneCycleLR(optimizer, max_lr, ...)}. */
    public OneCycleLR(Optimizer optimizer, Options o) {
        super(prepare(optimizer, o), o.lastEpoch);
        this.totalSteps = totalSteps(o);
        this.phases = phases(o, totalSteps);
        this.annealFuncType = o.annealStrategy;
        this.cycleMomentum = o.cycleMomentum;
        this.useBeta1 = o.cycleMomentum && optimizer.defaultsMap().containsKey("betas");
        initialStep();
    }

    private static int totalSteps(Options o) {
        if (o.totalSteps != null) {
            if (o.totalSteps <= 0) {
                throw new IllegalArgumentException("Expected positive integer total_steps, but got " + o.totalSteps);
            }
            return o.totalSteps;
        }
        if (o.epochs != null && o.stepsPerEpoch != null) {
            if (o.epochs <= 0) {
                throw new IllegalArgumentException("Expected positive integer epochs, but got " + o.epochs);
            }
            if (o.stepsPerEpoch <= 0) {
                throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got " + o.stepsPerEpoch);
            }
            return o.epochs * o.stepsPerEpoch;
        }
        throw new IllegalArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
    }

    private static List<Phase> phases(Options o, int total) {
        List<Phase> p = new ArrayList<>();
        if (o.threePhase) {
            p.add(new Phase(o.pctStart * total - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            p.add(new Phase(2 * o.pctStart * total - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"));
            p.add(new Phase(total - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        } else {
            p.add(new Phase(o.pctStart * total - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            p.add(new Phase(total - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        }
        return p;
    }

    /** The validation and group setup PyTorch runs before {@code super().__init__}. */
    private static Optimizer prepare(Optimizer optimizer, Options o) {
        totalSteps(o);
        if (o.pctStart < 0 || o.pctStart > 1) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + PyFormat.repr(o.pctStart));
        }
        if (!"cos".equals(o.annealStrategy) && !"linear".equals(o.annealStrategy)) {
            throw new IllegalArgumentException("anneal_strategy must be one of 'cos' or 'linear', instead got " + o.annealStrategy);
        }
        List<Double> maxLrs = formatParam("max_lr", optimizer, o.maxLr);
        List<ParamGroup> groups = optimizer.paramGroups();
        if (o.lastEpoch == -1) {
            for (int i = 0; i < groups.size(); i++) {
                ParamGroup g = groups.get(i);
                g.set("initial_lr", maxLrs.get(i) / o.divFactor);
                g.set("max_lr", maxLrs.get(i));
                g.set("min_lr", g.getDouble("initial_lr") / o.finalDivFactor);
            }
        }
        if (o.cycleMomentum) {
            if (!optimizer.defaultsMap().containsKey("momentum") && !optimizer.defaultsMap().containsKey("betas")) {
                throw new IllegalArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
            }
            boolean beta1 = optimizer.defaultsMap().containsKey("betas");
            List<Double> maxM = formatParam("max_momentum", optimizer, o.maxMomentum);
            List<Double> baseM = formatParam("base_momentum", optimizer, o.baseMomentum);
            if (o.lastEpoch == -1) {
                for (int i = 0; i < groups.size(); i++) {
                    setMomentum(groups.get(i), beta1, maxM.get(i));
                    groups.get(i).set("max_momentum", maxM.get(i));
                    groups.get(i).set("base_momentum", baseM.get(i));
                }
            }
        }
        return optimizer;
    }

    private double anneal(double start, double end, double pct) {
        if ("cos".equals(annealFuncType)) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected double[] getLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalArgumentException("Tried to step " + stepNum + " times. The specified number of total steps is "
                    + totalSteps);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup g = groups.get(gi);
            double startStep = 0.0;
            for (int i = 0; i < phases.size(); i++) {
                Phase ph = phases.get(i);
                double endStep = ph.endStep();
                if (stepNum <= endStep || i == phases.size() - 1) {
                    double pct = (stepNum - startStep) / (endStep - startStep);
                    lrs[gi] = anneal(g.getDouble(ph.startLr()), g.getDouble(ph.endLr()), pct);
                    if (cycleMomentum) {
                        setMomentum(g, useBeta1, anneal(g.getDouble(ph.startMomentum()), g.getDouble(ph.endMomentum()), pct));
                    }
                    break;
                }
                startStep = ph.endStep();
            }
        }
        return lrs;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("total_steps", totalSteps);
        List<Map<String, Object>> ph = new ArrayList<>();
        for (Phase p : phases) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("end_step", p.endStep());
            e.put("start_lr", p.startLr());
            e.put("end_lr", p.endLr());
            e.put("start_momentum", p.startMomentum());
            e.put("end_momentum", p.endMomentum());
            ph.add(e);
        }
        m.put("_schedule_phases", ph);
        m.put("_anneal_func_type", annealFuncType);
        m.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            m.put("use_beta1", useBeta1);
        }
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        totalSteps = intOr(sd, "total_steps", totalSteps);
        if (sd.containsKey("_schedule_phases")) {
            List<Phase> loaded = new ArrayList<>();
            for (Object o : (List<?>) sd.get("_schedule_phases")) {
                Map<?, ?> e = (Map<?, ?>) o;
                loaded.add(new Phase(((Number) e.get("end_step")).doubleValue(), (String) e.get("start_lr"),
                        (String) e.get("end_lr"), (String) e.get("start_momentum"), (String) e.get("end_momentum")));
            }
            phases = loaded;
        }
        annealFuncType = stringOr(sd, "_anneal_func_type", annealFuncType);
        cycleMomentum = boolOr(sd, "cycle_momentum", cycleMomentum);
        useBeta1 = boolOr(sd, "use_beta1", useBeta1);
    }
}
