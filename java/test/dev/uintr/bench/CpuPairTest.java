package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import org.junit.jupiter.api.Test;

class CpuPairTest {
    @Test
    void cpuListSyntax() {
        assertEquals("{0, 1}", CpuPair.parseCpuList("0-1").toString());
        assertEquals("{0, 2, 3, 4, 8}", CpuPair.parseCpuList(" 0,2-4, 8\n").toString());
        assertTrue(CpuPair.parseCpuList("").isEmpty());
    }

    @Test
    void cpuOutsideTheAllowedList_isBadInputNamingOptionCpuAndList() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> CpuPair.parse("0,9", "--cpus").requireAllowed("0-1", "--cpus"));
        assertEquals("--cpus: CPU 9 is not available to this process (allowed: 0-1)", e.getMessage());
    }

    @Test
    void allowedCpus_andUnknownList_pass() {
        assertEquals(new CpuPair(2, 4), CpuPair.parse("2,4", "--cpus").requireAllowed("0,2-4", "--cpus"));
        assertEquals(new CpuPair(0, 99), CpuPair.parse("0,99", "--cpus").requireAllowed("", "--cpus"));
    }
}
