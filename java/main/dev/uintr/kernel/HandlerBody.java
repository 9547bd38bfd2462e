package dev.uintr.kernel;

/**
 * Code a user-interrupt handler runs between delivery and its UIRET (the conformance cases'
 * handler bodies). It runs on the delivering task, in user mode with UIF = 0 (uintr-isa §9),
 * and may use the model's user-mode operations on that task (TESTUI, SENDUIPI); the model
 * executes it atomically, as one step of the task. Not part of the model's state: a copy of
 * the state has none.
 */
@FunctionalInterface
public interface HandlerBody {
    /**
     * @param tid    the task whose handler runs
     * @param vector the vector delivered
     * @param frame  the frame delivery pushed and the point it interrupted
     */
    void run(int tid, int vector, Frame frame);

    /**
     * The handler's view of a delivery (uintr-isa §9): RSP at the handler's first instruction
     * (it points at the pushed vector), the RIP, RFLAGS and RSP pushed, the interrupted
     * point's registers, and the task's UISTACKADJUST.
     */
    record Frame(long entryRsp, long savedRip, long savedRflags, long savedRsp, long interruptedRip,
                 long interruptedRsp, long interruptedRflags, long stackAdjust) {}
}
