package dev.jtorch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that fails part-way leaves the previous file byte for byte and no temporary file behind. */
class SafetensorsAtomicSaveTest {
    @TempDir
    Path dir;

    private static final Map<String, NDArray> NEW = Map.of(
            "w", NDArray.full(3.5, DType.FLOAT32, 300_000), // 1.2 MB: several writes
            "b", NDArray.ones(DType.INT64, 4));

    /** Passes {@code budget} bytes through, then fails as a full disk would. */
    private static final class FailingChannel implements WritableByteChannel {
        private final WritableByteChannel inner;
        private long budget;

        FailingChannel(WritableByteChannel inner, long budget) {
            this.inner = inner;
            this.budget = budget;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (budget == 0) {
                throw new IOException("No space left on device (injected)");
            }
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + (int) Math.min(src.remaining(), budget));
            int written = inner.write(part);
            src.position(src.position() + written);
            budget -= written;
            return written;
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    private Path oldFile() {
        Path p = dir.resolve("model.safetensors");
        Safetensors.save(Map.of("old", NDArray.wrap(new float[] {1, 2, 3}, 3)), p, Map.of("format", "pt"));
        return p;
    }

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void failureWhileWritingDataLeavesTheOldFileIntact() throws IOException {
        Path p = oldFile();
        byte[] before = Files.readAllBytes(p);
        for (long budget : new long[] {0, 5, 8, 100, 500_000}) {
            UnaryOperator<WritableByteChannel> failing = ch -> new FailingChannel(ch, budget);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Safetensors.save(NEW, p, null, failing));
            assertEquals(p + ": saving failed, the previous file (if any) is unchanged: No space left on device (injected)",
                    e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(p), "after failing at byte " + budget);
            assertEquals(List.of(p), files(), "no temporary file is left behind");
        }
        assertEquals(List.of("old"), List.copyOf(Safetensors.load(p).keySet()));
    }

    @Test
    void failureWithNoPreviousFileLeavesNothing() throws IOException {
        Path p = dir.resolve("fresh.safetensors");
        assertThrows(UncheckedIOException.class, () -> Safetensors.save(NEW, p, null, ch -> new FailingChannel(ch, 1000)));
        assertFalse(Files.exists(p));
        assertEquals(List.of(), files());
    }

    @Test
    void anUncheckedFailureAlsoCleansUp() throws IOException {
        Path p = oldFile();
        byte[] before = Files.readAllBytes(p);
        IllegalStateException boom = new IllegalStateException("boom");
        UnaryOperator<WritableByteChannel> throwing = ch -> {
            throw boom;
        };
        assertEquals(boom, assertThrows(IllegalStateException.class, () -> Safetensors.save(NEW, p, null, throwing)));
        assertArrayEquals(before, Files.readAllBytes(p));
        assertEquals(List.of(p), files());
    }

    @Test
    void theTargetKeepsItsOldBytesUntilTheNewFileIsComplete() throws IOException {
        Path p = oldFile();
        byte[] before = Files.readAllBytes(p);
        int[] writes = {0};
        UnaryOperator<WritableByteChannel> watching = ch -> new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                assertArrayEquals(before, Files.readAllBytes(p), "the target is untouched while writing");
                writes[0]++;
                return ch.write(src);
            }

            @Override
            public boolean isOpen() {
                return ch.isOpen();
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
        Safetensors.save(NEW, p, null, watching);
        assertTrue(writes[0] >= 3, "header length, header and data were written in several calls: " + writes[0]);
        Map<String, NDArray> back = Safetensors.load(p);
        assertEquals(List.of("b", "w"), List.copyOf(back.keySet()));
        assertEquals(3.5f, back.get("w").toFloatArray()[299_999]);
        assertEquals(List.of(p), files());
    }

    @Test
    void aTargetThatCannotBeReplacedIsReportedAndCleanedUp() throws IOException {
        Path p = Files.createDirectory(dir.resolve("is-a-directory"));
        Files.writeString(p.resolve("keep"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Safetensors.save(NEW, p));
        assertTrue(e.getMessage().startsWith(p + ": saving failed, the previous file (if any) is unchanged: "), e.getMessage());
        assertEquals(List.of(p), files());
        assertEquals("x", Files.readString(p.resolve("keep")));
    }

    @Test
    void aMissingDirectoryIsReported() {
        Path p = dir.resolve("no/such/dir/model.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Safetensors.save(NEW, p));
        assertEquals(p + ": saving failed, the previous file (if any) is unchanged: NoSuchFileException: "
                + p.getParent().toAbsolutePath().resolve(".model.safetensors."), e.getMessage().replaceAll("[0-9a-f]+\\.tmp$", ""));
    }

    @Test
    void loadingAMissingFileNamesIt() {
        Path p = dir.resolve("absent.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Safetensors.load(p));
        assertEquals(p + ": NoSuchFileException: " + p, e.getMessage());
    }
}
