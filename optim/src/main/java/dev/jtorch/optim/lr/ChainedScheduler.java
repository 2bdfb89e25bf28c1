package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.lr_scheduler.ChainedScheduler}: each {@link #step()} steps every wrapped
 * scheduler in order, so their (chainable) effects compose.
 */
public final class ChainedScheduler extends LRScheduler {
    private final List<LRScheduler> schedulers;

    /** {@code ChainedScheduler(schedulers)}: the optimizer is the first scheduler's. */
    public ChainedScheduler(List<LRScheduler> schedulers) {
        this(schedulers, null);
    }

    /** {@code ChainedScheduler(schedulers, optimizer)}. */
    public ChainedScheduler(List<LRScheduler> schedulers, Optimizer optimizer) {
        super(resolve(schedulers, optimizer));
        SequentialLR.checkSchedulers("ChainedScheduler", this.optimizer, schedulers);
        this.schedulers = new ArrayList<>(schedulers);
        recordLastLr();
    }

    private static Optimizer resolve(List<LRScheduler> schedulers, Optimizer optimizer) {
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.");
        }
        return optimizer != null ? optimizer : schedulers.get(0).optimizer();
    }

    @Override
    public void step() {
        for (LRScheduler s : schedulers) {
            s.step();
        }
        recordLastLr();
    }

    /** Throws, as PyTorch's {@code ChainedScheduler.step()} takes no epoch. */
    @Override
    public void step(int epoch) {
        throw new IllegalArgumentException("ChainedScheduler.step() takes 1 positional argument but 2 were given");
    }

    /** The current learning rates (the chain's effect). */
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
        lastLr = doublesOr(sd, "_last_lr", lastLr);
        List<?> inner = (List<?>) sd.get("_schedulers");
        for (int i = 0; i < inner.size(); i++) {
            schedulers.get(i).loadStateDict((Map<String, Object>) inner.get(i));
        }
    }
}
