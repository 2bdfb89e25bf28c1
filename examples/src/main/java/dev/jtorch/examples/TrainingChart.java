package dev.jtorch.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The training curves as a PNG (org.knowm.xchart, rendered headless): loss, and accuracy per epoch. */
final class TrainingChart {
    private TrainingChart() {}

    /** Writes the loss chart and the accuracy chart side by side to {@code png} (temp file + rename). */
    static void write(List<EpochMetrics> history, Path png) {
        System.setProperty("java.awt.headless", "true");
        double[] epochs = history.stream().mapToDouble(EpochMetrics::epoch).toArray();
        XYChart loss = new XYChartBuilder().width(600).height(400).title("Training loss").xAxisTitle("epoch")
                .yAxisTitle("cross entropy").build();
        loss.addSeries("train loss", epochs, history.stream().mapToDouble(EpochMetrics::loss).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        XYChart acc = new XYChartBuilder().width(600).height(400).title("Accuracy").xAxisTitle("epoch")
                .yAxisTitle("accuracy (%)").build();
        acc.addSeries("train", epochs, history.stream().mapToDouble(m -> 100 * m.trainAccuracy()).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        acc.addSeries("test", epochs, history.stream().mapToDouble(m -> 100 * m.testAccuracy()).toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        for (XYChart c : List.of(loss, acc)) {
            c.getStyler().setXAxisDecimalPattern("0");
        }
        loss.getStyler().setYAxisDecimalPattern("0.000");
        acc.getStyler().setYAxisDecimalPattern("0.0");
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(List.of(loss, acc), 1, 2, os, BitmapEncoder.BitmapFormat.PNG);
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + png, e);
        }
    }
}
