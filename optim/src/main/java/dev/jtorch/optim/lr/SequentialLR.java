package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import dev.jtorch.optim.ParamGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.SequentialLR}: runs {@code schedulers[i]} between milestones
 * {@code i-1} and {@code i}; at a milestone the next scheduler restarts from epoch 0 (by its closed
 * form where it has one). The constructor resets the groups to {@code initial_lr} and undoes the
 * initial steps of the given schedulers, as PyTorch does.
 */
public final class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private List<Integer> milestones;

    /** {@code SequentialLR(optimizer, schedulers, milestones)}. */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, List<Integer> milestones) {
        this(optimizer, schedulers, milestones, -1);
    }

    /** {@code SequentialLR(optimizer, schedulers, milestones, last_epoch)}. */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, List<Integer> milestones, int lastEpoch) {
        super(optimizer);
        checkSchedulers("SequentialLR", optimizer, schedulers);
        if (milestones.size() != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one more than "
                    + "the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.size());
        }
        this.schedulers = new ArrayList<>(schedulers);
        this.milestones = new ArrayList<>(milestones);
        this.lastEpoch = lastEpoch + 1;
        for (ParamGroup g : optimizer.paramGroups()) {
            g.setLr(g.getDouble("initial_lr"));
        }
        recursiveUndo(this);
        this.schedulers.get(0).initialStep();
        this.lastLr = new ArrayList<>(this.schedulers.get(0).getLastLr());
    }

    static void checkSchedulers(String name, Optimizer optimizer, List<LRScheduler> schedulers) {
        if (schedulers.isEmpty()) {
            String what = name.equals("SequentialLR") ? "at least one scheduler" : "at least one scheduler to be chained";
            throw new IllegalArgumentException(name + " expects " + what + ", but got no scheduler.");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = schedulers.get(i);
            if (s instanceof ReduceLROnPlateau) {
                throw new IllegalArgumentException(name + " does not support `ReduceLROnPlateau` scheduler as it requires "
                        + "additional kwargs to be specified when calling `step`, but got one at index " + i
                        + " in the given schedulers sequence.");
            }
            if (s.optimizer() != optimizer) {
                throw new IllegalArgumentException(name + " expects all schedulers to belong to the same optimizer, but got "
                        + "scheduler " + s.getClass().getSimpleName() + " at index " + i + " has " + s.optimizer()
                        + ", which is different from " + optimizer.getClass().getSimpleName() + ".");
            }
        }
    }

    /** {@code recursive_undo}: {@code last_epoch -= 1} on every leaf scheduler. */
    private static void recursiveUndo(LRScheduler s) {
        if (s instanceof SequentialLR) {
            for (LRScheduler c : ((SequentialLR) s).schedulers) {
                recursiveUndo(c);
            }
        } else if (s instanceof ChainedScheduler) {
            for (LRScheduler c : ((ChainedScheduler) s).schedulers()) {
                recursiveUndo(c);
            }
        } else {
            s.lastEpoch -= 1;
        }
    }

    @Override
    public void step() {
        lastEpoch += 1;
        int idx = 0; // bisect_right(milestones, last_epoch)
        while (idx < milestones.size() && milestones.get(idx) <= lastEpoch) {
            idx++;
        }
        LRScheduler scheduler = schedulers.get(idx);
        if (idx > 0 && milestones.get(idx - 1) == lastEpoch) {
            scheduler.updateLr(0);
        } else {
            scheduler.step();
        }
        lastLr = new ArrayList<>(scheduler.getLastLr());
    }

    /** Throws, as PyTorch's {@code SequentialLR.step()} takes no epoch. */
    @Override
    public void step(int epoch) {
        throw new IllegalArgumentException("SequentialLR.step() takes 1 positional argument but 2 were given");
    }

    /** The learning rates the active scheduler last set. */
    @Override
    protected double[] getLr() {
        return currentLrs();
    }

    /** The wrapped schedulers. */
    public List<LRScheduler> schedulers() {
        return List.copyOf(schedulers);
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_milestones", new ArrayList<>(milestones));
        m.put("last_epoch", lastEpoch);
        m.put("_last_lr", new ArrayList<>(lastLr));
        List<Map<String, Object>> inner = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            inner.add(s.stateDict());
        }
        m.put("_schedulers", inner);
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> sd) {
        if (sd.containsKey("_milestones")) {
            List<Integer> ms = new ArrayList<>();
            for (Object o : (List<?>) sd.get("_milestones")) {
                ms.add(((Number) o).intValue());
            }
            milestones = ms;
        }
        lastEpoch = intOr(sd, "last_epoch", lastEpoch);
        lastLr = doublesOr(sd, "_last_lr", lastLr);
        List<?> inner = (List<?>) sd.get("_schedulers");
        for (int i = 0; i < inner.size(); i++) {
            schedulers.get(i).loadStateDict((Map<String, Object>) inner.get(i));
        }
    }
}
