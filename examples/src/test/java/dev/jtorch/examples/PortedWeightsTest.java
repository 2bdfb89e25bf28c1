package dev.jtorch.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a safetensors file by hand from the format's definition, as PyTorch's writer lays it out, and runs it. */
class PortedWeightsTest {
    @TempDir
    Path dir;

    /** The header PyTorch's writer produces: F32 entries sorted by name, packed from offset 0, padded to 8 with spaces. */
    private static byte[] safetensors(Map<String, float[]> tensors, Map<String, int[]> shapes) {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long offset = 0;
        for (Map.Entry<String, float[]> e : new java.util.TreeMap<>(tensors).entrySet()) {
            ByteBuffer b = ByteBuffer.allocate(4 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : e.getValue()) {
                b.putFloat(f);
            }
            data.writeBytes(b.array());
            StringBuilder shape = new StringBuilder();
            for (int d : shapes.get(e.getKey())) {
                shape.append(shape.length() > 0 ? "," : "").append(d);
            }
            json.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[").append(shape)
                    .append("],\"data_offsets\":[").append(offset).append(',').append(offset + b.capacity()).append("]}");
            offset += b.capacity();
        }
        json.append('}');
        while (json.length() % 8 != 0) {
            json.append(' ');
        }
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + header.length + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header).put(data.toByteArray());
        return out.array();
    }

    @Test
    void pytorchStateDictRunsHere() throws Exception {
        Torch.manualSeed(1);
        SeedNotebook.Model0 reference = new SeedNotebook.Model0();
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        reference.stateDict().forEach((k, v) -> {
            values.put(k, v.toFloatArray());
            shapes.put(k, v.sizes());
        });
        Path file = dir.resolve("model0.safetensors");
        Files.write(file, safetensors(values, shapes));

        Tensor expected;
        try (var g = Torch.noGrad()) {
            expected = reference.forward(SeedNotebook.inputs());
        }
        Tensor actual = PortedWeights.run(file);
        assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
    }

    @Test
    void aFileForAnotherArchitectureChangesNothing() throws Exception {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        values.put("h1.weight", new float[6]);
        shapes.put("h1.weight", new int[] {2, 3});
        Path file = dir.resolve("other.safetensors");
        Files.write(file, safetensors(values, shapes));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortedWeights.run(file));
        assertTrue(e.getMessage().contains("size mismatch for h1.weight"), e.getMessage());
        assertTrue(e.getMessage().contains("Missing key(s) in state_dict"), e.getMessage());
    }
}
