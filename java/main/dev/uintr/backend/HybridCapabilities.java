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
    /**
     * The supervisor traps ioctl (16); on a descriptor of its uintr fd table the model answers
     * (LaterSyscalls.ioctl: UIPI_SET_TARGET_TABLE adopts a uipi_fd's UITT; rfc-v1: ENOTTY), on any
     * other it runs for real (Supervision, SupervisionTest).
     */
    static final boolean TRAPS_IOCTL = true;

    /**
     * A signal pending for a tracee the model holds in a uintr syscall (uintr_wait) goes to the model
     * (Kernel.signal: the wait returns -EINTR); the thread resumes with it and the real kernel runs
     * the handler (Supervision checks held threads' /proc status every 5 ms, SupervisionTest).
     */
    static final boolean SIGNALS_WAKE_MODEL_WAITS = true;

    private HybridCapabilities() {}

    /** Why {@code c} cannot run under hybrid in {@code p}, or null. */
    static String lacking(CaseSpec c, AbiProfile p) {
        boolean waitingCost = false;
        boolean nanosleep = false;
        boolean ioctl = false;
        boolean signal = false;
        boolean uintrWait = false;
        for (ThreadProgram t : c.allPrograms()) {
            for (Step s : t.steps()) {
                if (s.op() == Op.NANOSLEEP) {
                    nanosleep = true;
                }
                if (s.op() == Op.IOCTL) {
                    ioctl = true;
                }
                signal |= s.op() == Op.SIGNAL;
                uintrWait |= s.op() == Op.UINTR_WAIT;
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
        if (signal && uintrWait && !SIGNALS_WAKE_MODEL_WAITS) {
            return "hybrid cannot wake a uintr_wait with a signal: the supervisor passes signals through while the model "
                    + "holds the thread in its wait, so the wait never returns";
        }
        if (ioctl && !TRAPS_IOCTL) {
            return "hybrid does not answer ioctl on uintr fds: the supervisor does not trap ioctl, so the host kernel "
                    + "would answer it for the memfd standing in for the uintr fd";
        }
        return null;
    }
}
