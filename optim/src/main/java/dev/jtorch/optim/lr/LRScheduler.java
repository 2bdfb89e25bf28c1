package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.LRScheduler}: sets each parameter group's {@code lr} every
 * {@link #step()}. The constructor records {@code initial_lr} in every group (or, when resuming
 * with {@code lastEpoch >= 0}, requires it), keeps {@code base_lrs}, and performs PyTorch's initial
 * step. {@link #step()} uses the chainable (recursive) form {@link #getLr()}, exactly as
 * {@code torch/optim/lr_scheduler.py} computes it, so floating-point sequences match PyTorch's;
 * {@link #step(int)} ({@code step(epoch)}, deprecated in PyTorch) uses the closed form where the
 * scheduler has one.
 *
 * <p>{@link #stateDict()} holds PyTorch's keys (everything but the optimizer): the subclass's own
 * fields, then {@code base_lrs}, {@code last_epoch}, {@code _step_count}, {@code _is_initial},
 * {@code _get_lr_called_within_step}, {@code _last_lr}. Lists are {@code List<Double>}.
 */
public abstract class LRScheduler {
    protected final Optimizer optimizer;
    protected List<Double> baseLrs = new ArrayList<>();
    protected int lastEpoch;
    protected int stepCount;
    protected boolean isInitial;
    protected List<Double> lastLr = new ArrayList<>();

    /**
     * {@code LRScheduler.__init__(optimizer, last_epoch)} up to its initial step: a subclass sets its
     * own fields, then calls {@link #initialStep()} last in its constructor (PyTorch's subclasses
     * assign their attributes before {@code super().__init__}, which ends with that step).
     */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (ParamGroup g : groups) {
                if (!g.has("initial_lr")) {
                    g.set("initial_lr", g.lr());
                }
            }
        } else {
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).has("initial_lr")) {
                    throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
                            + "] when resuming an optimizer");
                }
            }
        }
        for (ParamGroup g : groups) {
            baseLrs.add(g.getDouble("initial_lr"));
        }
        this.lastEpoch = lastEpoch;
    }

    /** For schedulers that, like PyTorch's, do not run {@code LRScheduler.__init__} (composites, plateau). */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** {@code _initial_step()}: {@code _step_count = 0}, then one step in initial mode. */
    protected final void initialStep() {
        stepCount = 0;
        isInitial = true;
        try {
            step();
        } finally {
            isInitial = false;
        }
    }

    /** {@code scheduler.optimizer}. */
    public final Optimizer optimizer() {
        return optimizer;
    }

    /** {@code scheduler.last_epoch}. */
    public final int lastEpoch() {
        return lastEpoch;
    }

    /** {@code scheduler.base_lrs}. */
    public final List<Double> baseLrs() {
        return List.copyOf(baseLrs);
    }

    /** {@code get_last_lr()}: the learning rates this scheduler last set, one per group. */
    public final List<Double> getLastLr() {
        return List.copyOf(lastLr);
    }

    /** {@code scheduler.step()}. */
    public void step() {
        stepCount += 1;
        updateLr(null);
    }

    /** {@code scheduler.step(epoch)} (deprecated in PyTorch): jumps to {@code epoch}, by the closed form when there is one. */
    public void step(int epoch) {
        stepCount += 1;
        updateLr(epoch);
    }

    /** {@code _update_lr(epoch)}. */
    final void updateLr(Integer epoch) {
        double[] values;
        if (epoch == null) {
            lastEpoch += 1;
            values = getLr();
        } else {
            lastEpoch = epoch;
            double[] closed = closedFormLr();
            values = closed != null ? closed : getLr();
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < Math.min(values.length, groups.size()); i++) {
            groups.get(i).setLr(values[i]);
        }
        recordLastLr();
    }

    /** {@code self._last_lr = [group["lr"] for group in optimizer.param_groups]}. */
    protected final void recordLastLr() {
        lastLr = groupLrs(optimizer);
    }

    static List<Double> groupLrs(Optimizer optimizer) {
        List<Double> out = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            out.add(g.lr());
        }
        return out;
    }

    /** {@code get_lr()}: the chainable form, one learning rate per group. */
    protected abstract double[] getLr();

    /** {@code _get_closed_form_lr()}, or null when the scheduler has none. */
    protected double[] closedFormLr() {
        return null;
    }

    // ------------------------------------------------------------------ state dict

    /** {@code state_dict()}: every attribute but the optimizer, in PyTorch's order. */
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        saveFields(m);
        m.put("base_lrs", new ArrayList<>(baseLrs));
        m.put("last_epoch", lastEpoch);
        m.put("_step_count", stepCount);
        m.put("_is_initial", isInitial);
        m.put("_get_lr_called_within_step", false);
        m.put("_last_lr", new ArrayList<>(lastLr));
        return m;
    }

    /** {@code load_state_dict(state_dict)}: PyTorch's {@code __dict__.update}; keys not given keep their values. */
    public void loadStateDict(Map<String, Object> sd) {
        if (sd.containsKey("base_lrs")) {
            baseLrs = doubles(sd.get("base_lrs"));
        }
        if (sd.containsKey("last_epoch")) {
            lastEpoch = ((Number) sd.get("last_epoch")).intValue();
        }
        if (sd.containsKey("_step_count")) {
            stepCount = ((Number) sd.get("_step_count")).intValue();
        }
        if (sd.containsKey("_is_initial")) {
            isInitial = (Boolean) sd.get("_is_initial");
        }
        if (sd.containsKey("_last_lr")) {
            lastLr = doubles(sd.get("_last_lr"));
        }
        loadFields(sd);
    }

    /** Puts the subclass's own attributes, which PyTorch's {@code __dict__} holds before the base ones. */
    protected void saveFields(Map<String, Object> m) {
    }

    /** Reads back what {@link #saveFields} wrote (keys may be absent). */
    protected void loadFields(Map<String, Object> sd) {
    }

    static int intOr(Map<String, Object> sd, String key, int current) {
        return sd.containsKey(key) ? ((Number) sd.get(key)).intValue() : current;
    }

    static double doubleOr(Map<String, Object> sd, String key, double current) {
        return sd.containsKey(key) ? ((Number) sd.get(key)).doubleValue() : current;
    }

    static boolean boolOr(Map<String, Object> sd, String key, boolean current) {
        return sd.containsKey(key) ? (Boolean) sd.get(key) : current;
    }

    static String stringOr(Map<String, Object> sd, String key, String current) {
        return sd.containsKey(key) ? (String) sd.get(key) : current;
    }

    static List<Double> doublesOr(Map<String, Object> sd, String key, List<Double> current) {
        return sd.containsKey(key) ? doubles(sd.get(key)) : current;
    }

    static List<Double> doubles(Object o) {
        List<Double> out = new ArrayList<>();
        if (o instanceof double[]) {
            for (double d : (double[]) o) {
                out.add(d);
            }
        } else {
            for (Object v : (List<?>) o) {
                out.add(v == null ? null : ((Number) v).doubleValue());
            }
        }
        return out;
    }

    static double[] toArray(List<Double> l) {
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i);
        }
        return out;
    }

    /** {@code _format_param(name, optimizer, param)}: one value per group, or a list of exactly that many. */
    static List<Double> formatParam(String name, Optimizer optimizer, double[] values) {
        int n = optimizer.paramGroups().size();
        List<Double> out = new ArrayList<>();
        if (values.length == 1) {
            for (int i = 0; i < n; i++) {
                out.add(values[0]);
            }
            return out;
        }
        if (values.length != n) {
            throw new IllegalArgumentException(name + " must have the same length as optimizer.param_groups. " + name + " has "
                    + values.length + " values, param_groups has " + n + ".");
        }
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** Sets a group's momentum, or {@code betas[0]} for Adam-like optimizers ({@code use_beta1}). */
    static void setMomentum(ParamGroup g, boolean useBeta1, double m) {
        if (useBeta1) {
            double[] betas = g.getDoubles("betas");
            betas[0] = m;
            g.set("betas", betas);
        } else {
            g.set("momentum", m);
        }
    }

    /** The current learning rates, for schedulers whose chainable form is the optimizer's state. */
    final double[] currentLrs() {
        return toArray(groupLrs(optimizer));
    }
}
