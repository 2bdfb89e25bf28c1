package dev.jtorch.examples;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars over batches (me.tongfei:progressbar). On a terminal the bar redraws in place on
 * {@code out}; when the output is not a terminal (a pipe, a log file, a test) it prints a plain
 * line every 10 seconds and one at the end (repeats dropped), so logs carry no carriage returns.
 */
final class Progress {
    private Progress() {}

    /** A bar named {@code task} over {@code max} steps, drawn on {@code out}. */
    static ProgressBar bar(String task, long max, PrintStream out) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" batches", 1);
        if (out == System.out && System.console() != null) {
            b.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(200);
        } else {
            String[] last = {null};
            b.setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(line -> {
                String trimmed = line.strip();
                if (!trimmed.equals(last[0])) {
                    out.println(trimmed);
                    last[0] = trimmed;
                }
            }, 100)).setUpdateIntervalMillis(10_000);
        }
        return b.build();
    }
}
