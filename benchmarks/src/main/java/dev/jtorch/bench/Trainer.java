package dev.jtorch.bench;

/**
 * One training iteration of a model on a batch, for either framework ({@code T} is jtorch's or
 * libtorch's tensor): forward, loss, {@code zero_grad}, backward, optimizer step. Returns the loss.
 * The step workloads call it on a fixed batch, {@link EpochWorkloads} on every batch of an epoch.
 */
@FunctionalInterface
interface Trainer<T> {
    T step(T images, T labels);
}
