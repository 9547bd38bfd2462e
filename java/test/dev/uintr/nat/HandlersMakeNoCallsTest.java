package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shim's user-interrupt handlers make no call: GCC's interrupt functions save only the
 * registers they use, not those a hidden call clobbers (the general-dynamic TLS model's
 * __tls_get_addr once destroyed the interrupted code's RDI and R8-R11; the hybrid backend found it).
 */
class HandlersMakeNoCallsTest {
    @Test
    void everyInterruptHandlerIsCallFree() throws Exception {
        Path so = Path.of("target", "classes", "linux-x86-64", "libuintrshim.so");
        Assumptions.assumeTrue(Files.isRegularFile(so), "the shim was not built");
        Process p;
        try {
            p = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", so.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("objdump not found: " + e.getMessage());
            return;
        }
        String dis = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        for (String handler : List.of("ush_program_handler", "bench_uipi_handler")) {
            int at = dis.indexOf("<" + handler + ">:");
            assertTrue(at >= 0, handler + " not in the shim");
            int end = dis.indexOf("uiret", at);
            assertTrue(end > at, handler + " has no uiret");
            String body = dis.substring(at, end);
            assertTrue(!body.contains("call"), handler + " makes a call:\n" + body);
        }
    }
}
