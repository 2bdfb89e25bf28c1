package dev.jtorch.autograd;

/** Returned by {@code Tensor.registerHook}; {@link #remove()} unregisters the hook ({@code RemovableHandle}). */
public final class HookHandle {
    private final Runnable remover;
    private boolean removed;

    HookHandle(Runnable remover) {
        this.remover = remover;
    }

    /** A handle whose {@link #remove()} runs {@code remover} once (for hook registries outside this package). */
    public static HookHandle create(Runnable remover) {
        return new HookHandle(remover);
    }

    /** {@code handle.remove()}; calling it twice is harmless. */
    public void remove() {
        if (!removed) {
            removed = true;
            remover.run();
        }
    }
}
