package dev.jtorch.bench;

/**
 * One timed operation of a workload on one framework. It returns its result so that the runner
 * (or JMH's blackhole) consumes it: a workload cannot forget to guard against dead-code elimination.
 */
@FunctionalInterface
public interface Op {
    /** Runs the operation once and returns what it produced (a tensor, a loss, anything). */
    Object run();
}
