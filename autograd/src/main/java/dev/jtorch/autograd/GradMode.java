package dev.jtorch.autograd;

/**
 * Thread-local grad mode, {@code torch.is_grad_enabled()}. Use the guards with
 * try-with-resources: {@code try (var g = GradMode.noGrad()) { ... }} restores the previous
 * mode on close, so guards nest.
 */
public final class GradMode {
    private GradMode() {}

    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** {@code torch.set_grad_enabled(mode)} for the current thread. */
    public static void setEnabled(boolean enabled) {
        ENABLED.get()[0] = enabled;
    }

    /** {@code torch.no_grad()}: ops inside record nothing. */
    public static Guard noGrad() {
        return new Guard(false);
    }

    /** {@code torch.enable_grad()}. */
    public static Guard enableGrad() {
        return new Guard(true);
    }

    /** {@code torch.set_grad_enabled(mode)} as a guard. */
    public static Guard setGradEnabled(boolean mode) {
        return new Guard(mode);
    }

    /** Restores the previous grad mode when closed. */
    public static final class Guard implements AutoCloseable {
        private final boolean[] slot;
        private final boolean previous;

        private Guard(boolean mode) {
            slot = ENABLED.get();
            previous = slot[0];
            slot[0] = mode;
        }

        @Override
        public void close() {
            slot[0] = previous;
        }
    }
}
