package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Isa;
import dev.uintr.machine.Machine;
import org.junit.jupiter.api.Test;

/**
 * RFLAGS.IF = 0 holds off the notification: an ordinary external interrupt, the notification vector
 * included, is accepted only with IF = 1 (SDM maskable interrupts; the kvm-unit-tests uintr check;
 * uintr-isa §8 runs only on an accepted interrupt). Issue 9 item 4.
 */
class InterruptFlagTest {
    /** The ISA model: takeInterrupt leaves the vector requested while IF = 0 and takes it once IF = 1 (isa §8). */
    @Test
    void isaTakeInterrupt_honoursIf_isa8() {
        Machine m = new Machine(1, dev.uintr.machine.CpuModel.SAPPHIRE_RAPIDS);
        m.cpu(0).rflags = 0x2;
        m.cpu(0).apic.request(0x20);
        assertNull(Isa.takeInterrupt(m, 0), "IF = 0: nothing accepted");
        m.cpu(0).rflags = 0x202;
        assertEquals(Acceptance.TO_IDT, Isa.takeInterrupt(m, 0), "IF = 1: the held vector is taken now");
    }

    /** The kernel model: with IRQs off on rx's CPU the post's notification waits in the IRR (UIRR unchanged, PIR set). */
    @Test
    void kernelModel_irqsOff_holdNotificationUntilEnabled_isa8() {
        for (AbiProfile p : new AbiProfile[] {AbiProfile.RFC_V1, AbiProfile.LATER}) {
            Rig r = new Rig(KernelConfig.of(p));
            r.k.localIrqDisable(0);
            assertEquals(dev.uintr.kernel.SendOutcome.OK, r.k.senduipi(r.tx, r.idx));
            r.k.settleInterrupts();
            assertTrue(r.k.pendingEvents().stream().noneMatch(e -> e.kind() == KernelEvent.Kind.TAKE_INTERRUPTS && e.target() == 0),
                    "no interrupt-taking event is offered for a CPU with IF = 0");
            assertTrue(r.k.state().cpus[0].pending(UpidContext.NOTIFICATION_VECTOR), "the notification is still requested");
            assertEquals(0, r.task(r.rx).uirr, "not processed: UIRR unchanged");
            assertTrue(r.rxUpid().pir != 0, "the post is still in PIR");
            assertEquals(java.util.List.of(), r.task(r.rx).deliveries);
            r.k.localIrqEnable(0);
            r.assertDeliveredOnce(r.rx);
        }
    }
}
