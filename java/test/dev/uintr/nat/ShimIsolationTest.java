package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.uintr.backend.HostProbe;
import dev.uintr.backend.Tri;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shim's fork isolation and the instructions compiled into it. A fault, a kill or a
 * hang in the child must come back as a value, never touch this JVM.
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class ShimIsolationTest {
    static final int SIGILL = 4, SIGKILL = 9, SIGSEGV = 11;
    static final int ILL_ILLOPN = 2;
    static UintrShim shim;

    @BeforeAll
    static void load() {
        shim = ShimRequirement.require();
    }

    @Test
    void hangingChild_isKilledAtTimeout_jvmUnaffected() {
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        long t0 = System.nanoTime();
        assertEquals(0, shim.ush_selftest_child(0, 300, r));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(UintrShim.OUTCOME_TIMEOUT, r.outcome);
        assertTrue(ms >= 250, "returned after " + ms + " ms, before the timeout");
    }

    @Test
    void faultingChild_reportsSigsegv() {
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        assertEquals(0, shim.ush_selftest_child(1, 5000, r));
        assertEquals(UintrShim.OUTCOME_SIGNAL, r.outcome);
        assertEquals(SIGSEGV, r.signo);
    }

    @Test
    void killedChild_reportsTheSignal() {
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        assertEquals(0, shim.ush_selftest_child(2, 5000, r));
        assertEquals(UintrShim.OUTCOME_KILLED, r.outcome);
        assertEquals(SIGKILL, r.signo);
    }

    @Test
    void normalChild_returnsItsValue() {
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        assertEquals(0, shim.ush_selftest_child(3, 5000, r));
        assertEquals(UintrShim.OUTCOME_COMPLETED, r.outcome);
        assertEquals(3, r.value);
        assertEquals(0, r.exit_status);
    }

    @Test
    void badArguments_areRejectedWithEinval() {
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        assertEquals(-22, shim.ush_selftest_child(99, 100, r));
        assertEquals(-22, shim.ush_try_insn(ShimInsn.values().length, 0, 100, r));
        assertEquals(-22, shim.ush_insn_bytes(-1, new byte[16], 16));
    }

    /** uintr-isa §6: the bytes binutils assembled into the shim are the spec's encodings. */
    @ParameterizedTest
    @EnumSource(ShimInsn.class)
    void compiledEncoding_matchesSpec_isa6(ShimInsn insn) {
        byte[] buf = new byte[16];
        int n = shim.ush_insn_bytes(insn.id, buf, buf.length);
        assertEquals(insn.specBytes().length, n, insn.mnemonic);
        assertEquals(java.util.HexFormat.of().formatHex(insn.specBytes()),
                java.util.HexFormat.of().formatHex(buf, 0, n), insn.mnemonic);
    }

    /**
     * uintr-isa §7.5: SENDUIPI raises #UD while IA32_UINTR_TT[0] = 0 — in a process that never
     * registered as a sender, on any CPU (and #UD on a CPU without UINTR). Linux delivers #UD as
     * SIGILL/ILL_ILLOPN at the instruction itself.
     */
    @ParameterizedTest
    @EnumSource(value = ShimInsn.class, names = {"SENDUIPI_RAX", "SENDUIPI_R10"})
    void senduipiWithoutRegistration_raisesSigillAtTheInstruction_isa7_5(ShimInsn insn) {
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        assertEquals(0, shim.ush_try_insn(insn.id, 0, 5000, r));
        assertEquals(UintrShim.OUTCOME_SIGNAL, r.outcome, "outcome");
        assertEquals(SIGILL, r.signo, "signal");
        assertEquals(ILL_ILLOPN, r.si_code, "si_code");
        assertEquals(0, r.fault_offset, "the fault must be reported at the SENDUIPI itself");
    }

    /** uintr-isa §1, §7: on a CPU without UINTR (or CR4.UINTR = 0) all five instructions #UD. */
    @ParameterizedTest
    @EnumSource(ShimInsn.class)
    void withoutUintrCpu_everyInstructionRaisesSigill_isa7(ShimInsn insn) {
        assumeTrue(HostProbe.probe().cpuidUintr() == Tri.NO, "this CPU has UINTR: the instructions may execute");
        UintrShim.ChildResult r = new UintrShim.ChildResult();
        assertEquals(0, shim.ush_try_insn(insn.id, 0, 5000, r));
        assertEquals(UintrShim.OUTCOME_SIGNAL, r.outcome, insn.mnemonic);
        assertEquals(SIGILL, r.signo, insn.mnemonic);
        assertEquals(0, r.fault_offset, insn.mnemonic);
    }
}
