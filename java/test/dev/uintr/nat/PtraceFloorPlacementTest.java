package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** ush_hybrid_floor's placement of its tracer and tracee (uintr_hybrid.h), through {@link FloorPlacement}. */
class PtraceFloorPlacementTest {
    private static String allowed() throws IOException {
        return Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow().substring(18).trim();
    }

    private static void assumeFloorRuns() {
        assumeTrue(UintrHybridLib.Calls.unavailableReason() == null, () -> String.valueOf(UintrHybridLib.Calls.unavailableReason()));
        PtraceFloor trial = UintrHybridLib.Calls.floor(2, FloorPlacement.UNPINNED);
        assumeTrue(trial.measured(), () -> "the floor loop cannot run here: errno " + (long) -trial.stopsPerSec());
    }

    @Test
    void apartAndTogether_bothMeasure_andTheCallersCpusComeBack() throws IOException {
        assumeFloorRuns();
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two CPUs");
        String before = allowed();
        assumeTrue(before.matches("0-\\d+.*"), () -> "CPUs 0 and 1 not both allowed: " + before);
        for (FloorPlacement p : new FloorPlacement[] {FloorPlacement.apart(0, 1), FloorPlacement.together(1)}) {
            PtraceFloor f = UintrHybridLib.Calls.floor(50, p);
            assertTrue(f.measured(), p.label() + ": errno " + (long) -f.stopsPerSec());
            assertTrue(f.cpuUsPerStop() > 0, p.label() + ": tracer CPU per stop " + f.cpuUsPerStop());
            assertEquals(before, allowed(), "the calling thread is pinned only for the loop (" + p.label() + ")");
        }
    }

    @Test
    void aCpuOutsideTheThreadsMask_isEinval_andPinsNothing() throws IOException {
        assumeFloorRuns();
        String before = allowed();
        int outside = Runtime.getRuntime().availableProcessors() + 7;    // below CPU_SETSIZE, not in the mask
        assertEquals(-22, UintrHybridLib.Calls.floor(10, FloorPlacement.apart(0, outside)).stopsPerSec());
        assertEquals(-22, UintrHybridLib.Calls.floor(10, FloorPlacement.together(outside)).stopsPerSec());
        assertEquals(before, allowed());
    }

    @Test
    void labels_sayWhereEachRan() {
        assertEquals("0,1", FloorPlacement.apart(0, 1).label());
        assertEquals("3", FloorPlacement.together(3).label());
        assertEquals("unpinned", FloorPlacement.UNPINNED.label());
        assertEquals("*,2", new FloorPlacement(-1, 2).label());
        assertThrows(IllegalArgumentException.class, () -> new FloorPlacement(-2, 0));
    }
}
