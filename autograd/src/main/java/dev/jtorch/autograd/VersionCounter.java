package dev.jtorch.autograd;

/** The in-place version of a tensor's storage, shared by all its views ({@code tensor._version}). */
public final class VersionCounter {
    private int version;

    /** The current version. */
    public int get() {
        return version;
    }

    /** Called by every in-place op. */
    public void bump() {
        version++;
    }
}
