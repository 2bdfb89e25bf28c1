package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR}: multiplies {@code lr} by {@code gamma} at each
 * milestone (a milestone listed twice multiplies by {@code gamma**2}, PyTorch's {@code Counter}).
 * In the state dict {@code milestones} is a map from milestone to count.
 */
public final class MultiStepLR extends LRScheduler {
    private Map<Integer, Integer> milestones;
    private double gamma;

    /** {@code MultiStepLR(optimizer, milestones)} with gamma=0.1. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1, -1);
    }

    /** {@code MultiStepLR(optimizer, milestones, gamma)}. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        this(optimizer, milestones, gamma, -1);
    }

    /** {@code MultiStepLR(optimizer, milestones, gamma, last_epoch)}. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.milestones = new TreeMap<>();
        for (int m : milestones) {
            this.milestones.merge(m, 1, Integer::sum);
        }
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        Integer count = milestones.get(lastEpoch);
        if (count == null) {
            return lrs;
        }
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = lrs[i] * Math.pow(gamma, count);
        }
        return lrs;
    }

    @Override
    protected double[] closedFormLr() {
        List<Integer> sorted = new ArrayList<>();
        milestones.forEach((m, c) -> sorted.addAll(Collections.nCopies(c, m)));
        int passed = 0; // bisect_right(sorted, last_epoch)
        while (passed < sorted.size() && sorted.get(passed) <= lastEpoch) {
            passed++;
        }
        double[] out = toArray(baseLrs);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] * Math.pow(gamma, passed);
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> m) {
        m.put("milestones", new TreeMap<>(milestones));
        m.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> sd) {
        if (sd.containsKey("milestones")) {
            Map<Integer, Integer> loaded = new TreeMap<>();
            ((Map<?, ?>) sd.get("milestones")).forEach((k, v) -> loaded.put(((Number) k).intValue(), ((Number) v).intValue()));
            milestones = loaded;
        }
        gamma = doubleOr(sd, "gamma", gamma);
    }
}
