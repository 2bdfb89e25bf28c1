package dev.jtorch.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

/** Turns I/O failures into unchecked exceptions whose message names the file and the cause. */
final class IoErrors {
    private IoErrors() {}

    /**
     * {@code file: what: cause}. A {@link FileSystemException} without a reason (e.g.
     * {@code NoSuchFileException}) has only a path as its message, so its type is named too.
     */
    static UncheckedIOException unchecked(String file, String what, IOException e) {
        String cause = e instanceof FileSystemException && ((FileSystemException) e).getReason() == null
                ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : String.valueOf(e.getMessage());
        return new UncheckedIOException(file + ": " + (what.isEmpty() ? "" : what + ": ") + cause, e);
    }
}
