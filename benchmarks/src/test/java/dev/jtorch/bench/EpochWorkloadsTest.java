package dev.jtorch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The epoch workloads' batch order, registration, and the runner's handling of long-running workloads. */
class EpochWorkloadsTest {
    @Test
    void eachEpochVisitsEverySampleOnceInItsOwnOrder() {
        List<long[]> e0 = EpochWorkloads.batches(1000, 0);
        assertEquals(16, e0.size()); // 15 batches of 64 and one of 40
        assertEquals(40, e0.get(15).length);
        long[] all = e0.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, all[i]);
        }
        assertFalse(Arrays.equals(e0.get(0), EpochWorkloads.batches(1000, 1).get(0)), "epochs are shuffled differently");
        assertTrue(Arrays.equals(e0.get(3), EpochWorkloads.batches(1000, 0).get(3)), "an epoch's order is reproducible");
    }

    @Test
    void registeredWithIssue7sTargetsWhenTheDataIsThere() {
        if (!EpochWorkloads.dataAvailable()) {
            assertTrue(Workloads.skipped().get(0).contains("apt-get install -y dataset-fashion-mnist"), Workloads.skipped().toString());
            Assumptions.abort("Fashion-MNIST is not installed in " + EpochWorkloads.dataDir() + ": only the skip note is checked");
        }
        assertTrue(Workloads.skipped().isEmpty());
        Workload mlp = Workloads.byName(EpochWorkloads.MLP);
        Workload cnn = Workloads.byName(EpochWorkloads.CNN);
        assertEquals(1.0, mlp.target().getAsDouble());
        assertEquals(2.0, cnn.target().getAsDouble());
        assertEquals(60_000, mlp.work().amount());
        assertEquals(Work.Kind.SAMPLES, cnn.work().kind());
        assertNotEquals(0, mlp.maxRounds());
        assertNotEquals(0, cnn.maxRounds());
    }

    @Test
    void aLongRunningWorkloadTimesOneOpPerRoundWithoutCalibration() {
        Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("jtorch.libtorch.available", "false")),
                "libtorch 2.10 natives are bundled here only for linux-x86_64; long-running measurement test skipped");
        Libtorch.load();
        int[] jtorchRuns = {0};
        int[] libtorchRuns = {0};
        Workload w = Workload.named("counting").input(2).work(Work.calls()).longRunning(2)
                .jtorch(in -> () -> {
                    jtorchRuns[0]++;
                    return in.get(0);
                })
                .libtorch(in -> () -> {
                    libtorchRuns[0]++;
                    return in.get(0);
                })
                .build();
        WorkloadResult r = Measurement.measure(w, new Measurement.Settings(7, 150, 500, new int[] {1, 2}));
        assertEquals(2, r.jtorch.length);
        assertEquals(2, r.libtorch.get(1).length);
        assertEquals(1 + 2, jtorchRuns[0], "the agreement run, then one op in each of 2 rounds");
        assertEquals(1 + 2 * 2, libtorchRuns[0], "the agreement run, then one op per round at each thread count");
    }
}
