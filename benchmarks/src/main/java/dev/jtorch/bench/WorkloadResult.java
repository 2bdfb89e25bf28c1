package dev.jtorch.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The per-round times per op (seconds) of one workload: jtorch's, and libtorch's at each thread
 * count. libtorch is judged at its best setting: the thread count with the lowest median.
 */
final class WorkloadResult {
    final String name;
    final Work work;
    final OptionalDouble target;
    final double[] jtorch;
    final Map<Integer, double[]> libtorch;

    WorkloadResult(String name, Work work, OptionalDouble target, double[] jtorch, Map<Integer, double[]> libtorch) {
        if (libtorch.isEmpty()) {
            throw new IllegalArgumentException(name + ": no libtorch measurement");
        }
        this.name = name;
        this.work = work;
        this.target = target;
        this.jtorch = jtorch.clone();
        this.libtorch = new LinkedHashMap<>(libtorch);
    }

    double jtorchMedian() {
        return Stats.median(jtorch);
    }

    /** The libtorch thread count with the lowest median time (the first one on a tie). */
    int bestThreads() {
        int best = -1;
        double bestTime = Double.POSITIVE_INFINITY;
        for (Map.Entry<Integer, double[]> e : libtorch.entrySet()) {
            double m = Stats.median(e.getValue());
            if (m < bestTime) {
                bestTime = m;
                best = e.getKey();
            }
        }
        return best;
    }

    double libtorchMedian(int threads) {
        return Stats.median(libtorch.get(threads));
    }

    double libtorchBestMedian() {
        return libtorchMedian(bestThreads());
    }

    /** libtorch's best median / jtorch's median: above 1 means jtorch is faster. */
    double speed() {
        return Stats.speed(jtorchMedian(), libtorchBestMedian());
    }

    /** Whether the speed reaches the target; empty when the workload has no target. */
    Optional<Boolean> met() {
        return target.isPresent() ? Optional.of(speed() >= target.getAsDouble()) : Optional.empty();
    }
}
