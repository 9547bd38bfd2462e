package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentiles_ofRamp_areExact() {
        // 1..1000 ticks at 1 GHz: values below 2048 are exact in a 3-digit HdrHistogram.
        LatencyStats s = LatencyStats.of(Canned.ramp(1000), 1000, 1e9, 0);
        Percentiles p = s.raw();
        assertEquals(500, p.p50(), 1e-9);
        assertEquals(900, p.p90(), 1e-9);
        assertEquals(990, p.p99(), 1e-9);
        assertEquals(999, p.p999(), 1e-9);
        assertEquals(1, p.min(), 1e-9);
        assertEquals(1000, p.max(), 1e-9);
        assertEquals(500.5, p.mean(), 1e-9);
        assertEquals(Math.sqrt((1000.0 * 1000 - 1) / 12), p.stddev(), 1e-6);   // population stddev of 1..n
        assertEquals(1000, p.count());
        assertNull(s.corrected(), "no interval given: no corrected figures");
    }

    @Test
    void ticks_areConvertedWithTheTscRate() {
        long[] t = new long[100];
        Arrays.fill(t, 1000);
        Percentiles p = LatencyStats.of(t, t.length, 2e9, 0).raw();   // 2 GHz: 1000 ticks = 500 ns
        assertEquals(500, p.p50(), 1e-9);
        assertEquals(500, p.mean(), 1e-9);
        assertEquals(0, p.stddev(), 1e-9);
    }

    @Test
    void onlyTheFirstCountSamplesAreUsed() {
        long[] t = {10, 10, 10, 99_999};
        assertEquals(10, LatencyStats.of(t, 3, 1e9, 0).raw().max(), 1e-9);
    }

    @Test
    void coordinatedOmission_stallBackfillsTheMissedRequests() {
        // 999 samples of 100 ns and one stall of 10 000 ns, requests meant every 100 ns: the
        // stall hid 99 requests that would have waited 9 900, 9 800, ... 100 ns.
        long[] t = new long[1000];
        Arrays.fill(t, 100);
        t[500] = 10_000;
        LatencyStats s = LatencyStats.of(t, t.length, 1e9, 100);
        assertEquals(1000, s.raw().count());
        assertEquals(1000 + 99, s.corrected().count());
        assertEquals(100, s.raw().p99(), 1e-9);
        assertTrue(s.corrected().p99() > 5_000, "corrected p99 sees the stall: " + s.corrected().p99());
        assertTrue(s.corrected().mean() > s.raw().mean());
    }

    @Test
    void nonPositiveSample_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[] {5, 0, 5}, 3, 1e9, 0));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[] {5, -3}, 2, 1e9, 0));
    }

    @Test
    void unknownTscRate_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[] {5}, 1, 0, 0));
    }

    @Test
    void medianTicks_oddEvenEmpty() {
        assertEquals(42, LatencyStats.medianTicks(new long[] {50, 42, 40}));
        assertEquals(41, LatencyStats.medianTicks(new long[] {40, 42}));
        assertEquals(0, LatencyStats.medianTicks(new long[0]));
    }
}
