package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fixtures/costs/weights.txt: the estimate's weights, each with its source; mistakes named by file and line. */
class CostWeightsTest {
    static final List<String> GOOD = List.of("# weights", "ipi_send 437 Skyloft SPR send", "ipi_receive 1582 Skyloft SPR receive",
            "syscall 250 assumption", "gp_fault 1582 assumption", "wait_list_entry 100 assumption  # trailing");

    @Test
    void shippedWeights_citeSkyloftForTheIpiCosts() {
        CostWeights w = CostWeights.load(Path.of("fixtures/costs/weights.txt"));
        assertEquals(437, w.get("ipi_send"));
        assertEquals(1582, w.get("ipi_receive"));
        assertTrue(w.sources().get("ipi_send").contains("Skyloft"), w.sources().toString());
        for (String n : CostWeights.NAMES) {
            assertTrue(!w.sources().get(n).isBlank(), n + " says where its number comes from");
        }
    }

    /** The estimate is the formula of the weights file, applied to one ending's counts. */
    @Test
    void estimate_weighsEachCount() {
        CostWeights w = CostWeights.parse("w.txt", GOOD);
        long[] v = new long[dev.uintr.kernel.Counters.NAMES.size()];
        WakeCosts.Delta d = new WakeCosts.Delta(v);
        v[dev.uintr.kernel.Counters.NAMES.indexOf("ipis_sent")] = 1;
        v[dev.uintr.kernel.Counters.NAMES.indexOf("wake_ipis")] = 1;
        v[dev.uintr.kernel.Counters.NAMES.indexOf("kernel_0xeb")] = 1;
        v[dev.uintr.kernel.Counters.NAMES.indexOf("syscalls")] = 2;
        v[dev.uintr.kernel.Counters.NAMES.indexOf("gp_fixups")] = 1;
        v[dev.uintr.kernel.Counters.NAMES.indexOf("wait_list_walked")] = 3;
        assertEquals(437 * 2 + 1582 * 2 + 250 * 2 + 1582 + 100 * 3, w.estimate(d));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2|ipi_sned 437 x|unknown weight 'ipi_sned'",
        "2|ipi_send 437|ipi_send needs 'NAME CYCLES SOURCE'",
        "2|ipi_send -4 x|cycles must not be negative",
        "2|ipi_send 4.5 x|cycles '4.5' is not a whole number",
        "3|ipi_send 437 again|ipi_send given twice",
        "6|# wait_list_entry removed|weight 'wait_list_entry' missing",
    })
    void malformed_badInput_namesFileAndLine(int line, String text, String message) {
        List<String> lines = new ArrayList<>(GOOD);
        lines.set(line - 1, text);
        BadInputException e = assertThrows(BadInputException.class, () -> CostWeights.parse("w.txt", lines));
        assertTrue(e.getMessage().startsWith("w.txt:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
