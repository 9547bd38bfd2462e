package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The C loops, called through JNA on this host: they run, return plausible samples, and contain failures. */
@EnabledOnOs(OS.LINUX)
class UintrBenchLibTest {
    /** UBENCH_MECH_* of the baseline mechanisms (native/include/uintr_bench.h). */
    private static final int[] BASELINES = {0, 1, 2, 3, 4, 5, 6};
    private static final int UIPI = 7;
    private static final int UIPI_BLOCKED = 8;
    private static final int ENOSYS = 38;

    @BeforeEach
    void needsTheShim() {
        assumeTrue(UintrBenchLib.Calls.available(), "native benchmarks unavailable: " + UintrBenchLib.Calls.unavailableReason());
    }

    private static UintrBenchLib.Request request(int mech, int mode, int iterations, int cpuA, int cpuB, int timeoutMs) {
        return new UintrBenchLib.Request(mech, mode, iterations, 20, cpuA, cpuB, timeoutMs, UintrBenchLib.ABI_NONE,
                new int[6], 0, 0);
    }

    private static int cpuB() {
        return UintrBenchLib.Calls.cpusAllowed() >= 2 ? 1 : 0;
    }

    @Test
    void everyBaselineRoundTrip_returnsAllSamples_allPositive_aboveTheTimerCost() {
        long overhead = median(UintrBenchLib.Calls.timerOverhead(10_000, 0));
        for (int mech : BASELINES) {
            long[] s = new long[300];
            UintrBenchLib.Outcome o = UintrBenchLib.Calls.run(request(mech, UintrBenchLib.MODE_ROUND_TRIP, 300, 0, cpuB(),
                    20_000), s);
            assertEquals(0, o.rc(), "mechanism " + mech);
            assertEquals(UintrBenchLib.STATUS_OK, o.status(), "mechanism " + mech + ": " + o.detail());
            assertEquals(300, o.count());
            for (long t : s) {
                assertTrue(t > 0, "mechanism " + mech + " sample " + t);
            }
            assertTrue(median(s) >= overhead, "mechanism " + mech + ": a round trip costs at least one RDTSCP");
            assertTrue(median(s) < 5_000_000_000L, "mechanism " + mech + ": median under a few seconds");
            assertTrue(o.elapsedNs() > 0);
            assertEquals(0, o.cpuASeen(), "thread A pinned to CPU 0");
            assertEquals(cpuB(), o.cpuBSeen(), "thread B pinned");
        }
    }

    @Test
    void oneWay_returnsAllSamples() {
        long[] s = new long[200];
        UintrBenchLib.Outcome o = UintrBenchLib.Calls.run(request(2, UintrBenchLib.MODE_ONE_WAY, 200, 0, cpuB(), 20_000), s);
        assertEquals(UintrBenchLib.STATUS_OK, o.status(), o.detail());
        assertEquals(200, o.count());
        assertTrue(Arrays.stream(s).anyMatch(t -> t != 0), "B wrote its stamps");
    }

    @Test
    void timerOverhead_isSmallAndPositive() {
        long[] s = UintrBenchLib.Calls.timerOverhead(10_000, 0);
        assertEquals(10_000, s.length);
        assertTrue(Arrays.stream(s).allMatch(t -> t > 0));
        assertTrue(median(s) < 10_000, "back-to-back RDTSCP costs far less than 10 000 ticks: " + median(s));
    }

    @Test
    void uipiWithoutAConfirmedKernel_makesNoSyscall_andFailsSetupWithEnosys() {
        for (int mech : new int[] {UIPI, UIPI_BLOCKED}) {
            UintrBenchLib.Outcome o = UintrBenchLib.Calls.run(request(mech, 0, 10, 0, cpuB(), 5_000), new long[10]);
            assertEquals(UintrBenchLib.STATUS_SETUP, o.status());
            assertEquals(ENOSYS, o.err());
            assertTrue(o.detail().contains("did not confirm a uintr kernel"), o.detail());
        }
    }

    @Test
    void hang_isKilledAtTheTimeout_andTheJvmCarriesOn() {
        // Both spinning threads on one CPU: each message waits for a scheduler tick, far slower than 300 ms allows.
        long start = System.nanoTime();
        UintrBenchLib.Outcome o = UintrBenchLib.Calls.run(request(0, 0, 100_000, 0, 0, 300), new long[100_000]);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(UintrBenchLib.STATUS_TIMEOUT, o.status(), o.detail());
        assertEquals(0, o.count());
        assertTrue(tookMs < 5_000, "returned " + tookMs + " ms after a 300 ms timeout");
    }

    @Test
    void badArguments_areRejectedBeforeAnyChild() {
        UintrBenchLib.Outcome small = UintrBenchLib.Calls.run(request(2, 0, 100, 0, 1, 1000), new long[10]);
        assertEquals(UintrBenchLib.STATUS_BAD_ARG, small.status());
        UintrBenchLib.Outcome unknown = UintrBenchLib.Calls.run(request(99, 0, 10, 0, 1, 1000), new long[10]);
        assertEquals(UintrBenchLib.STATUS_BAD_ARG, unknown.status());
        assertTrue(unknown.detail().contains("unknown mechanism"), unknown.detail());
    }

    @Test
    void pinningToACpuWeMayNotUse_failsSetupNamingIt() {
        UintrBenchLib.Outcome o = UintrBenchLib.Calls.run(request(2, 0, 10, 0, 4095, 5_000), new long[10]);
        assertEquals(UintrBenchLib.STATUS_SETUP, o.status());
        assertTrue(o.detail().contains("cpu_b"), o.detail());
    }

    private static long median(long[] s) {
        long[] c = s.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
