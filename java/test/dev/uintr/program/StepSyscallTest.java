package dev.uintr.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step → syscall mapping both backends share (uintr-kernel §2.1: the argument changes between profiles). */
class StepSyscallTest {
    private static Step step(Op op, Arg... args) {
        return new Step(op, List.of(args), null, null, 1);
    }

    @Test
    void unregisterSender_rfcTakesTheFd_laterTheIndex_kernel2_1() {
        Step s = step(Op.UNREGISTER_SENDER, Arg.ref("fd", 0), Arg.ref("idx", 0), Arg.literal(0));
        Map<String, Long> vars = Map.of("fd", 5L, "idx", 2L);
        StepSyscall rfc = StepSyscall.of(Op.UNREGISTER_SENDER, AbiProfile.RFC_V1);
        StepSyscall later = StepSyscall.of(Op.UNREGISTER_SENDER, AbiProfile.LATER);
        assertEquals(Syscall.UINTR_UNREGISTER_SENDER, rfc.syscall());
        assertArrayEquals(new long[] {5, 0}, rfc.args(s, vars, 0));
        assertArrayEquals(new long[] {2, 0}, later.args(s, vars, 0));
        assertEquals(List.of("$fd", "0", "$idx"), rfc.orderedArgs(s).stream().map(Arg::render).toList(),
                "the syscall's arguments first, the unused one after (still checked for being bound)");
    }

    @Test
    void uintrWait_rfcTakesOnlyTheFlags_kernel2_1() {
        Step s = step(Op.UINTR_WAIT, Arg.literal(100), Arg.literal(7));
        assertArrayEquals(new long[] {7}, StepSyscall.of(Op.UINTR_WAIT, AbiProfile.RFC_V1).args(s, Map.of(), 0));
        assertArrayEquals(new long[] {100, 7}, StepSyscall.of(Op.UINTR_WAIT, AbiProfile.LATER).args(s, Map.of(), 0));
        Step usecOnly = step(Op.UINTR_WAIT, Arg.literal(100));
        assertArrayEquals(new long[] {0}, StepSyscall.of(Op.UINTR_WAIT, AbiProfile.RFC_V1).args(usecOnly, Map.of(), 0),
                "a missing argument is 0");
    }

    @Test
    void registerHandler_takesTheBackendsHandlerFirst() {
        StepSyscall c = StepSyscall.of(Op.REGISTER_PLAIN_HANDLER, AbiProfile.LATER);
        assertTrue(c.handlerFirst());
        assertArrayEquals(new long[] {0x402000, 1}, c.args(step(Op.REGISTER_PLAIN_HANDLER, Arg.literal(1)), Map.of(), 0x402000));
    }

    @Test
    void vectorFd_isTheProfilesSyscall_andNoneKeepsTheLaterOrder() {
        assertEquals(Syscall.UINTR_CREATE_FD, StepSyscall.of(Op.VECTOR_FD, AbiProfile.RFC_V1).syscall());
        assertEquals(Syscall.UINTR_VECTOR_FD, StepSyscall.of(Op.VECTOR_FD, AbiProfile.LATER).syscall());
        assertEquals(StepSyscall.of(Op.UINTR_WAIT, AbiProfile.LATER), StepSyscall.of(Op.UINTR_WAIT, AbiProfile.NONE));
    }

    @Test
    void everySyscallStepMapsInEveryProfile_othersDoNot() {
        for (Op op : Op.values()) {
            for (AbiProfile p : AbiProfile.values()) {
                StepSyscall c = StepSyscall.of(op, p);
                if (op.isSyscall() && op != Op.SEND_FD && op != Op.RECV_FD && op != Op.SIGNAL && op != Op.EXEC) {
                    assertTrue(c != null && c.fromStep().size() <= 3, op + " " + p);
                } else {
                    assertNull(c, op + " " + p);
                }
            }
        }
    }
}
