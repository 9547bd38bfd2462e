package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import org.junit.jupiter.api.Test;

/** The state is cheap to copy, compare and hash, and a copy is independent (issue 4 "Shape"). */
class KernelStateTest {

    @Test
    void copyIsEqualAndHashesAlike() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        KernelState c = w.k.state().copy();
        assertEquals(w.k.state(), c);
        assertEquals(w.k.state().hashCode(), c.hashCode());
    }

    @Test
    void copyIsIndependent_aStepOnTheCopyLeavesTheOriginal() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        KernelState before = w.k.state().copy();
        Kernel fork = w.k.copy();
        fork.senduipi(w.tx, w.idx);
        fork.settleInterrupts();
        assertEquals(before, w.k.state(), "the original did not move");
        assertNotEquals(before, fork.state());
        assertEquals(1, fork.task(w.rx).deliveries.size());
        assertEquals(0, w.k.task(w.rx).deliveries.size());
    }

    @Test
    void upidImage_littleEndianLayout_kernel1_4() {
        UpidContext u = new UpidContext(0);
        u.on = true;
        u.sn = false;
        u.blkd = true;
        u.nv = 0xEC;
        u.ndst = 0x0300;
        u.pir = 0x8000_0000_0000_0009L;
        byte[] img = u.image();
        assertArrayEquals(new byte[] {(byte) 0x81, 0, (byte) 0xEC, 0, 0x00, 0x03, 0, 0,
                9, 0, 0, 0, 0, 0, 0, (byte) 0x80}, img);
    }

    @Test
    void misuseByTheCallerThrows_userMistakesDoNot() {
        Kernel k = new Kernel(KernelConfig.of(AbiProfile.RFC_V1));
        int a = k.newProcess("a", 0);
        int b = k.newProcess("b", 0);                               // queued behind a
        assertThrows(IllegalStateException.class, () -> k.syscall(b, Syscall.UINTR_WAIT, 0));
        assertEquals(-Errno.EBADF, k.syscall(a, Syscall.CLOSE, 42));
    }

    @Test
    void uittSizeWrittenPerProfile_audit2() {
        assertEquals(256, KernelConfig.of(AbiProfile.RFC_V1).uittSizeWritten());
        assertEquals(255, KernelConfig.of(AbiProfile.LATER).uittSizeWritten());
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.of(AbiProfile.NONE));
    }
}
