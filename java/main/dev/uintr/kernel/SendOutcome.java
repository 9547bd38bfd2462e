package dev.uintr.kernel;

/** What a SENDUIPI did, as the sending thread observes it. */
public enum SendOutcome {
    /** Posted (and a notification IPI sent if SN = ON = 0). */
    OK,
    /** #GP on a blocked UPID completed by the kernel: posted, target woken, RIP advanced (§5.6). */
    OK_AFTER_GP_FIXUP,
    /** #UD: no valid UITT (TT[0] = 0) or CR4.UINTR = 0 → SIGILL. */
    SIGILL,
    /** #GP: index above UITTSZ, invalid entry, reserved UPID bits without a fixup → SIGSEGV. */
    SIGSEGV
}
