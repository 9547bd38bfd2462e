package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's path is the real one and is checked; its speed is measured by 'isa bench', not here. */
class RoundTripBenchTest {
    @Test
    void everyRoundTripCompletes() {
        assertEquals(0, new RoundTripBench().run(10_000));
    }

    @Test
    void benchCommandPrintsTheMedian() {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("isa", "bench", "--warmup", "0", "--rounds", "3", "--iterations", "1000"));
        assertTrue(out.toString().contains("median: "), out.toString());
        assertEquals(2, cl.execute("isa", "bench", "--rounds", "0"));
    }
}
