package dev.uintr.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.Syscall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC's calls appear at 449–454 and renumbered at 471–476 in public Intel trees (issue 13),
 * so the numbers come from the running kernel's uapi header where it names them.
 */
class HostSyscallsTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstHeaderThatNamesUintrCallsWins() throws IOException {
        Path upstream = Files.writeString(tmp.resolve("upstream.h"), "#define __NR_futex_waitv 449\n");
        Path renumbered = Files.writeString(tmp.resolve("renumbered.h"),
                "#define __NR_read 0\n#define __NR_uintr_register_handler 471\n#define __NR_uintr_create_fd 473\n");
        HostSyscalls.Table t = HostSyscalls.read(null, List.of(tmp.resolve("missing.h"), upstream, renumbered));
        assertEquals(renumbered.toString(), t.source());
        assertEquals(473, t.number(Syscall.UINTR_CREATE_FD, AbiProfile.RFC_V1));
        assertEquals(471, t.number(Syscall.UINTR_REGISTER_HANDLER, AbiProfile.RFC_V1));
        assertEquals(452, t.number(Syscall.UINTR_REGISTER_SENDER, AbiProfile.RFC_V1), "not named: the profile's own");
        assertEquals("uintr_create_fd=473 uintr_register_handler=471", t.render());
    }

    @Test
    void noHeaderLeavesTheProfileNumbers() {
        HostSyscalls.Table t = HostSyscalls.read(null, List.of(tmp.resolve("none.h")));
        assertEquals("", t.source());
        assertEquals(476, t.number(Syscall.UINTR_WAIT, AbiProfile.LATER));
        assertEquals("none named", t.render());
    }

    @Test
    void theOverrideWinsAndBadOverridesNameTheVariable() throws IOException {
        Path h = Files.writeString(tmp.resolve("h.h"), "#define __NR_uintr_wait 476\n");
        HostSyscalls.Table t = HostSyscalls.read("uintr_wait=454, uintr_register_handler=449", List.of(h));
        assertEquals(HostSyscalls.OVERRIDE, t.source());
        assertEquals(454, t.number(Syscall.UINTR_WAIT, AbiProfile.LATER));
        for (String bad : new String[] {"uintr_wait", "close=3", "uintr_wait=x", "uintr_wait=99999", "nosuch=5"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> HostSyscalls.read(bad, List.of()));
            assertTrue(e.getMessage().startsWith(HostSyscalls.OVERRIDE), e.getMessage());
        }
    }
}
