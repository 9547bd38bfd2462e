package dev.uintr.actor;

import dev.uintr.kernel.BlockingDesign;
import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.SendOutcome;

/**
 * A sender's step "post to UITT entry idx" under the kernel's blocking design, one event at a
 * time so that other actors and the kernel can run in between. Plain designs: SENDUIPI (one
 * event). send-wrapper, the seed's option 1 (check, then act): phase 0 reads the receiver's
 * published "blocked" word, then phase 1 SENDUIPI or, when it was set, phase 2 the wake call.
 * send-wrapper-post-first: phase 0 SENDUIPI, phase 1 reads the word, phase 2 the wake call
 * when it was set.
 *
 * <p>The phase is the caller's state (the explorer keeps it in its node, the backend in its
 * actor); this is the one place that says what each phase does.
 */
public final class SendStep {
    private SendStep() {}

    /** The three kinds of event a send step is made of. */
    public enum Kind {
        /** The wrapper read the receiver's blocked word ({@link Event#blocked}). */
        READ_BLOCKED_WORD,
        /** SENDUIPI ({@link Event#outcome}). */
        SENDUIPI,
        /** The wrapper's wake system call ({@link Event#wakeResult}: 0 or -errno). */
        WAKE
    }

    /**
     * One event of the step.
     *
     * @param kind       what happened
     * @param blocked    READ_BLOCKED_WORD: the word was set
     * @param outcome    SENDUIPI: its outcome, otherwise null
     * @param wakeResult WAKE: the call's result, otherwise 0
     * @param nextPhase  the phase of the step's next event (0 once it is done)
     * @param done       this was the step's last event
     */
    public record Event(Kind kind, boolean blocked, SendOutcome outcome, long wakeResult, int nextPhase, boolean done) {}

    /** Runs the event at {@code phase} of the running task {@code tid}'s send through UITT entry {@code idx}. */
    public static Event next(Kernel k, int tid, long idx, int phase) {
        BlockingDesign d = k.config().design();
        boolean postFirst = d == BlockingDesign.SEND_WRAPPER_POST_FIRST;
        if (d.wrapper() && phase == readPhase(postFirst)) {
            boolean blocked = k.wrapperReadsBlocked(tid, idx);
            if (blocked) {
                return new Event(Kind.READ_BLOCKED_WORD, true, null, 0, 2, false);
            }
            return postFirst ? new Event(Kind.READ_BLOCKED_WORD, false, null, 0, 0, true)
                    : new Event(Kind.READ_BLOCKED_WORD, false, null, 0, 1, false);
        }
        if (d.wrapper() && phase == 2) {
            return new Event(Kind.WAKE, false, null, k.wrapperWake(tid, idx), 0, true);
        }
        SendOutcome o = k.senduipi(tid, idx);
        return postFirst ? new Event(Kind.SENDUIPI, false, o, 0, 1, false) : new Event(Kind.SENDUIPI, false, o, 0, 0, true);
    }

    /** The event at {@code phase} of a send step under {@code d} is SENDUIPI itself (not the wrapper's read or wake call). */
    public static boolean sendsUipiAt(BlockingDesign d, int phase) {
        if (!d.wrapper()) {
            return true;
        }
        return d == BlockingDesign.SEND_WRAPPER_POST_FIRST ? phase == 0 : phase == 1;
    }

    private static int readPhase(boolean postFirst) {
        return postFirst ? 1 : 0;
    }
}
