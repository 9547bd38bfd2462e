package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.machine.Memory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architectural steps really run on the emulated machine (packages isa and machine): the
 * UPID and UITT images are in its memory at the kernel's addresses, and faults the ISA model
 * raises reach the kernel model.
 */
class MachineIntegrationTest {

    @Test
    void senduipi_writesThePostIntoTheUpidImageInMachineMemory_kernel1_4() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        int id = w.task(w.rx).upid;
        w.k.clui(w.rx);
        w.k.senduipi(w.tx, w.idx);
        Memory mem = MachineHardware.engine(w.k.state()).memory();
        long lo = mem.read64(UpidContext.address(id));
        long pir = mem.read64(UpidContext.address(id) + 8);
        assertEquals(1L << Rig.VEC, pir, "PIR[3] set by the ISA model's SENDUIPI");
        assertEquals(1, lo & 1, "ON set");
        assertEquals(0xEC, (lo >>> 16) & 0xFF, "NV");
        assertEquals(w.rxUpid().pir, pir, "the kernel object read the image back");
        long entry = MachineHardware.uittAddress(w.task(w.tx).tt) + 16 * w.idx;
        assertEquals(1 | (Rig.VEC << 8), mem.read64(entry), "UITTE: valid, vector in 15:8");
        assertEquals(UpidContext.address(id), mem.read64(entry + 8), "UITTE: UPID address in 127:64");
    }

    @Test
    void nonCanonicalHandler_acceptedBySyscall_butDeliveryFaults_isa9() {
        Kernel k = new Kernel(KernelConfig.of(AbiProfile.RFC_V1));
        int rx = k.newProcess("rx", 0);
        assertEquals(0, k.syscall(rx, Syscall.UINTR_REGISTER_HANDLER, 0x0f0000000000abcdL, 0));
        long fd = k.syscall(rx, Syscall.UINTR_CREATE_FD, 1, 0);
        k.stui(rx);
        int tx = k.spawnThread(rx, "tx", 1);
        long idx = k.syscall(tx, Syscall.UINTR_REGISTER_SENDER, fd, 0);
        assertEquals(SendOutcome.OK, k.senduipi(tx, idx));
        k.settleInterrupts();
        assertTrue(k.task(rx).deliveryFaulted, "#GP at delivery: UIHANDLER not canonical");
        assertEquals(List.of(), k.task(rx).deliveries);
    }

    @Test
    void altStack_framePushedAtTheGivenStack_kernel7_3_syscall_alt_stack() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.LATER));
        long buf = 0x7f00_0000_2000L;
        assertEquals(0, w.k.syscall(w.rx, Syscall.UINTR_ALT_STACK, buf, 4096, 0));
        w.k.senduipi(w.tx, w.idx);
        w.k.settleInterrupts();
        w.assertDeliveredOnce(w.rx);
        Memory mem = MachineHardware.engine(w.k.state()).memory();
        assertEquals(Rig.VEC, mem.read64(buf - 32), "UIRRV pushed last, just below the alt stack top");
        assertEquals(MachineHardware.userStackTop(w.rx) - 0x400, mem.read64(buf - 8), "the interrupted RSP pushed first");
    }

    @Test
    void rfcIndex256_readsThePageAfterTheTable_pageFault_sigsegv_audit2_1() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        assertEquals(256, w.task(w.tx).uittSize);
        assertEquals(SendOutcome.SIGSEGV, w.k.senduipi(w.tx, 256));
        assertEquals(SendOutcome.SIGSEGV, w.k.senduipi(w.tx, 257));
    }

    @Test
    void copiesGetTheirOwnEngine_andStayEqual() {
        Rig w = new Rig(KernelConfig.of(AbiProfile.RFC_V1));
        Kernel a = w.k.copy();
        Kernel b = w.k.copy();
        a.senduipi(w.tx, w.idx);
        b.senduipi(w.tx, w.idx);
        a.settleInterrupts();
        b.settleInterrupts();
        assertEquals(a.state(), b.state());
        assertTrue(MachineHardware.engine(a.state()) != MachineHardware.engine(b.state()));
    }
}
