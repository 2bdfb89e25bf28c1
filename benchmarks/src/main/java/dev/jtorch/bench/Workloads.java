package dev.jtorch.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The registry of workloads that both the side-by-side runner and the JMH suite run, in report order.
 * A family of workloads is one small class with a static {@code all()} listing its cases (see
 * {@link ElementwiseWorkloads}); registering the family is one line here.
 */
public final class Workloads {
    private Workloads() {}

    /** Every workload, in the order of the report. */
    public static List<Workload> all() {
        List<Workload> all = new ArrayList<>();
        all.addAll(ElementwiseWorkloads.all());
        all.addAll(KernelWorkloads.all());
        all.addAll(ConvWorkloads.all());
        all.addAll(TrainingWorkloads.all());
        all.addAll(CnnTrainingWorkloads.all());
        all.addAll(EpochWorkloads.all());
        Set<String> seen = new HashSet<>();
        for (Workload w : all) {
            if (!seen.add(w.name())) {
                throw new IllegalStateException("two workloads are named '" + w.name() + "'");
            }
        }
        return all;
    }

    /** Why registered families left workloads out of {@link #all()} (missing data), for the report's notes. */
    public static List<String> skipped() {
        return EpochWorkloads.skipped();
    }

    /** The names of {@link #all()}, in order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Workload w : all()) {
            names.add(w.name());
        }
        return names;
    }

    /** The workload with this exact name. */
    public static Workload byName(String name) {
        for (Workload w : all()) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        throw new NoSuchElementException("no workload named '" + name + "'; the workloads are " + names());
    }
}
