package dev.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(payload);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            o.write(content);
        }
        return p;
    }

    @Test
    void readsUnsignedBytesPlainAndGzipped() throws IOException {
        byte[] payload = {0, 1, (byte) 255, 7, 8, 9};
        for (boolean gz : new boolean[] {false, true}) {
            Idx.IdxFile f = Idx.read(write("a" + gz, idx(0x0803, new int[] {1, 2, 3}, payload), gz));
            assertArrayEquals(new int[] {1, 2, 3}, f.shape());
            assertArrayEquals(new long[] {0, 1, 255, 7, 8, 9}, f.toNDArray().toLongArray());
            assertEquals(1f, f.toFloat32(1.0 / 255).toFloatArray()[2], 0);
        }
    }

    @Test
    void readsIntsAndFloatsBigEndian() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(-5);
        d.writeInt(70000);
        assertArrayEquals(new long[] {-5, 70000}, Idx.read(write("i", idx(0x0C01, new int[] {2}, b.toByteArray()), false))
                .toNDArray().toLongArray());
        b.reset();
        d.writeFloat(1.5f);
        assertArrayEquals(new float[] {1.5f}, Idx.read(write("f", idx(0x0D01, new int[] {1}, b.toByteArray()), false))
                .toNDArray().toFloatArray());
    }

    @Test
    void badMagicTruncationAndTrailingBytesAreClearErrors() throws IOException {
        Path bad = write("bad", idx(0x12345678, new int[0], new byte[0]), false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(bad)).getMessage()
                .contains("bad IDX magic number 0x12345678"));
        Path truncated = write("trunc", idx(0x0801, new int[] {10}, new byte[4]), true);
        assertEquals(truncated + ": truncated IDX data: shape [10] needs 10 bytes but only 4 follow the header",
                assertThrows(IllegalArgumentException.class, () -> Idx.read(truncated)).getMessage());
        Path trailing = write("trail", idx(0x0801, new int[] {2}, new byte[3]), false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(trailing)).getMessage()
                .contains("has bytes after the 2 data bytes"));
        Path header = write("hdr", new byte[] {0, 0, 8, 3, 0, 0}, false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(header)).getMessage()
                .contains("truncated IDX header"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(dir.resolve("missing"))).getMessage()
                .contains("does not exist"));
    }

    @Test
    void fashionMnistMissingDirectorySaysHowToGetIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir, true));
        assertTrue(e.getMessage().contains("apt-get install -y dataset-fashion-mnist"), e.getMessage());
    }
}
