package dev.uintr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.Syscall.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The syscall vocabulary: numbers and argument order per profile (uintr-kernel §0.1, §2.1). */
class SyscallTest {
    @Test
    void numbersPerProfile_kernel0_1() {
        assertEquals(449, Syscall.UINTR_REGISTER_HANDLER.number(AbiProfile.RFC_V1));
        assertEquals(471, Syscall.UINTR_REGISTER_HANDLER.number(AbiProfile.LATER));
        assertEquals(451, Syscall.UINTR_CREATE_FD.number(AbiProfile.RFC_V1));
        assertEquals(-1, Syscall.UINTR_CREATE_FD.number(AbiProfile.LATER));
        assertEquals(473, Syscall.UINTR_VECTOR_FD.number(AbiProfile.LATER));
        assertEquals(454, Syscall.UINTR_WAIT.number(AbiProfile.RFC_V1));
        assertEquals(479, Syscall.UINTR_IPI_FD.number(AbiProfile.LATER));
        assertFalse(Syscall.UINTR_REGISTER_SELF.in(AbiProfile.RFC_V1));
        assertFalse(Syscall.UINTR_WAIT.in(AbiProfile.NONE));
        assertEquals(3, Syscall.CLOSE.number(AbiProfile.NONE), "file syscalls are in every profile");
        assertEquals(Syscall.UINTR_WAIT.number(AbiProfile.LATER), AbiProfile.LATER.number(Syscall.UINTR_WAIT));
    }

    @Test
    void lookupByProfileAndNumber_roundTrips() {
        for (AbiProfile p : AbiProfile.values()) {
            for (Syscall s : Syscall.values()) {
                if (s.in(p)) {
                    assertEquals(s, Syscall.byNumber(p, s.number(p)), p + " " + s);
                }
            }
        }
        assertNull(Syscall.byNumber(AbiProfile.RFC_V1, 473), "uintr_vector_fd's number means nothing in rfc-v1");
        assertEquals(Syscall.UINTR_VECTOR_FD, Syscall.byNumber(AbiProfile.LATER, 473));
        assertNull(Syscall.byNumber(AbiProfile.NONE, 449));
    }

    @Test
    void argumentOrderDiffersWhereTheAbiChanged_kernel2_1() {
        assertEquals(List.of(Param.FD, Param.FLAGS), Syscall.UINTR_UNREGISTER_SENDER.params(AbiProfile.RFC_V1));
        assertEquals(List.of(Param.INDEX, Param.FLAGS), Syscall.UINTR_UNREGISTER_SENDER.params(AbiProfile.LATER));
        assertEquals(List.of(Param.FLAGS), Syscall.UINTR_WAIT.params(AbiProfile.RFC_V1));
        assertEquals(List.of(Param.USEC, Param.FLAGS), Syscall.UINTR_WAIT.params(AbiProfile.LATER));
        assertEquals(List.of(), Syscall.UINTR_ALT_STACK.params(AbiProfile.RFC_V1));
    }

    @Test
    void namesAreTheKernels() {
        assertEquals("uintr_register_handler", Syscall.UINTR_REGISTER_HANDLER.sysName());
        assertEquals(Syscall.NANOSLEEP, Syscall.byName("nanosleep"));
        assertNull(Syscall.byName("uintr_frobnicate"));
        assertTrue(Syscall.UINTR_IPI_FD.isUintr());
        assertFalse(Syscall.DUP.isUintr());
        assertEquals(Syscall.UINTR_CREATE_FD, Syscall.vectorFd(AbiProfile.RFC_V1));
        assertEquals(Syscall.UINTR_VECTOR_FD, Syscall.vectorFd(AbiProfile.LATER));
    }
}
