package dev.uintr.nat;

import com.sun.jna.Library;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/**
 * JNA mirror of native/include/uintr_shim.h, name for name. Only {@link ShimLoader} loads
 * it; no package outside {@code nat} imports JNA.
 */
public interface UintrShim extends Library {

    /** USH_ABI_VERSION compiled into the library; must equal {@link #ABI_VERSION}. */
    int ush_abi_version();

    /** Writes "gcc VERSION FLAGS" into buf; returns its length. */
    int ush_build_info(byte[] buf, int cap);

    /** CPUID(EAX=leaf, ECX=subleaf): out = {EAX, EBX, ECX, EDX}. */
    void ush_cpuid(int leaf, int subleaf, int[] out);

    /** RDTSCP; aux receives IA32_TSC_AUX. */
    long ush_rdtscp(IntByReference aux);

    /** TSC ticks per second measured against CLOCK_MONOTONIC_RAW over ms milliseconds; 0 if unknown. */
    long ush_tsc_hz(int ms);

    /** Bytes of instruction {@code insn} (a {@link ShimInsn} id) as assembled into the shim; length or -EINVAL. */
    int ush_insn_bytes(int insn, byte[] out, int cap);

    /** Runs instruction {@code insn} once in a forked child; 0 and *out filled, or -errno. */
    int ush_try_insn(int insn, long arg, int timeoutMs, ChildResult out);

    /**
     * Self-test of the fork isolation: mode 0 hangs (expect outcome 3, timeout), 1 faults
     * (outcome 1, SIGSEGV), 2 is killed (outcome 2, SIGKILL), 3 returns 3 (outcome 0).
     */
    int ush_selftest_child(int mode, int timeoutMs, ChildResult out);

    /** USH_OUTCOME_* of struct ush_child_result. */
    int OUTCOME_COMPLETED = 0;
    int OUTCOME_SIGNAL = 1;
    int OUTCOME_KILLED = 2;
    int OUTCOME_TIMEOUT = 3;

    /** The ABI version this interface was written against. */
    int ABI_VERSION = 1;

    /** struct ush_child_result: how a forked child that executed one instruction ended. */
    @Structure.FieldOrder({"outcome", "signo", "si_code", "exit_status", "fault_offset", "value"})
    final class ChildResult extends Structure {
        /** USH_OUTCOME_*: 0 completed, 1 signal caught, 2 killed by a signal, 3 timeout. */
        public int outcome;
        /** The signal caught in the child (4 = SIGILL, 11 = SIGSEGV) or 0. */
        public int signo;
        /** Its si_code (ILL_ILLOPN = 2, ...) or 0. */
        public int si_code;
        /** The child's exit status when it exited, else -1. */
        public int exit_status;
        /** si_addr minus the instruction's address, in bytes (0: the fault is at the instruction). */
        public long fault_offset;
        /** TESTUI: the CF it produced (UIF); otherwise 0. */
        public long value;
    }
}
