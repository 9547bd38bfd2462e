package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Op;
import dev.uintr.program.Step;
import dev.uintr.program.ThreadProgram;

/**
 * What the hybrid supervisor cannot answer yet, checked per case before it runs: a case that
 * needs it is SKIP with the exact reason, never run (its observation would be this host's
 * kernel's, not the model's). Each flag names what the supervisor would need; the hybrid
 * backend's owner turns it on when the supervisor does it (native/README.md "Hybrid backend").
 */
final class HybridCapabilities {
    /**
     * A user interrupt for a thread asleep in an ordinary syscall (nanosleep, read, ...) ends the
     * sleep with -EINTR when the model says its registration has a WAITING cost (§2.5 9c, §5.5):
     * the supervisor's interrupt stop finds the thread inside the syscall and asks the model
     * (dev.uintr.hybrid.Supervision, HybridPort.endsSleep).
     */
    static final boolean ENDS_SLEEPS_ON_A_WAITING_WAKE = true;

    private HybridCapabilities() {}

    /** Why {@code c} cannot run under hybrid in {@code p}, or null. */
    static String lacking(CaseSpec c, AbiProfile p) {
        boolean waitingCost = false;
        boolean nanosleep = false;
        for (ThreadProgram t : c.allPrograms()) {
            for (Step s : t.steps()) {
                if (s.op() == Op.NANOSLEEP) {
                    nanosleep = true;
                }
                if (s.op() == Op.REGISTER_HANDLER && !s.args().isEmpty()
                        && (s.args().get(0).isRef() || s.args().get(0).offset() != 0)) {
                    waitingCost = true;
                }
            }
        }
        if (nanosleep && waitingCost && p == AbiProfile.LATER && !ENDS_SLEEPS_ON_A_WAITING_WAKE) {
            return "hybrid cannot interrupt nanosleep: the supervisor does not trap nanosleep/clock_nanosleep, so the "
                    + "model never sees the thread asleep and a WAITING-cost wake cannot end it with EINTR";
        }
        return null;
    }
}
