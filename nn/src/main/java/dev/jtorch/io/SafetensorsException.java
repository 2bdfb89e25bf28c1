package dev.jtorch.io;

/**
 * A safetensors file (or a map about to be saved) breaks the format. The message names the
 * file, the tensor or key and the numbers involved, e.g.
 * {@code model.safetensors: tensor 'h1.weight' has data_offsets [0, 36] (36 bytes) but dtype F32
 * and shape [3, 4] need 48 bytes}.
 *
 * <p>It extends {@link IllegalArgumentException}: a bad file is bad input, as PyTorch's
 * {@code safetensors.SafetensorError} is. I/O failures are reported separately as
 * {@link java.io.UncheckedIOException}.
 */
public final class SafetensorsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public SafetensorsException(String message) {
        super(message);
    }

    /** An error with a complete message and the parser failure behind it. */
    public SafetensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
