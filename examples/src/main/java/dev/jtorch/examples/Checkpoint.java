package dev.jtorch.examples;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.jtorch.nn.Module;
import dev.jtorch.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint in a directory: {@code checkpoint-epochK-model.safetensors} (the model's
 * state dict), {@code checkpoint-epochK-optimizer.safetensors} (the optimizer's state dict) and
 * {@code checkpoint.json} naming them with the epoch and the metrics so far. Every file is written
 * to a temporary name and renamed; {@code checkpoint.json} is renamed last, so a crash at any point
 * leaves the previous checkpoint complete. Older epochs' files are deleted afterwards.
 */
record Checkpoint(int epoch, String model, String optimizer, Map<String, Object> scheduler, List<EpochMetrics> history,
        Path dir) {
    static final String FILE = "checkpoint.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    Path modelFile() {
        return dir.resolve(model);
    }

    Path optimizerFile() {
        return dir.resolve(optimizer);
    }

    /**
     * Saves the state after {@code epoch} completed epochs; {@code scheduler} is the learning-rate
     * scheduler's state dict (numbers, booleans and lists, kept in the JSON), or null without one.
     */
    static void write(Path dir, int epoch, Module m, Optimizer opt, Map<String, Object> scheduler,
            List<EpochMetrics> history) {
        String prefix = "checkpoint-epoch" + epoch;
        String modelName = prefix + "-model.safetensors";
        String optName = prefix + "-optimizer.safetensors";
        m.save(dir.resolve(modelName));
        opt.stateDict().save(dir.resolve(optName));
        Json json = new Json(epoch, modelName, optName, scheduler, history.toArray(new EpochMetrics[0]));
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "checkpoint-epoch*.safetensors")) {
                for (Path p : old) {
                    String name = p.getFileName().toString();
                    if (!name.equals(modelName) && !name.equals(optName)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir, e);
        }
    }

    /** Reads the checkpoint in {@code dir}; IllegalArgumentException with a clear message when there is none. */
    static Checkpoint read(Path dir, String program) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--resume: no checkpoint in " + dir + " (" + file + " is missing); "
                    + "run without --resume to start from epoch 1");
        }
        try {
            Json j = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Json.class);
            if (j == null || j.model == null || j.optimizer == null || j.history == null || j.epoch != j.history.length) {
                throw new IllegalArgumentException("--resume: " + file + " is not a checkpoint written by " + program);
            }
            return new Checkpoint(j.epoch, j.model, j.optimizer, j.scheduler, List.of(j.history), dir);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("--resume: " + file + " is not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The JSON layout of {@code checkpoint.json}. */
    private static final class Json {
        int epoch;
        String model;
        String optimizer;
        Map<String, Object> scheduler;
        EpochMetrics[] history;

        Json(int epoch, String model, String optimizer, Map<String, Object> scheduler, EpochMetrics[] history) {
            this.epoch = epoch;
            this.model = model;
            this.optimizer = optimizer;
            this.scheduler = scheduler;
            this.history = history;
        }
    }
}
