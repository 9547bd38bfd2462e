package dev.uintr.actor;

import dev.uintr.kernel.SendOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a case program's thread (or fork child) keeps beside its program counter and phase while
 * {@link ActorMachine} runs it: its named results, model-time sleeps, barrier passes, signals
 * waiting for its handler, its alt_stack buffer and where it is for a handler's frame. A
 * scenario's actors have none of it (their whole state is the pc and phase the search encodes).
 */
public final class CaseThread {
    final String name;
    final int cpu;
    Map<String, Long> vars;
    boolean done;
    /** Step pc is a user-mode spin that ends at this model time, -1 none. */
    long sleepUntil = -1;
    /** Step pc is a kernel sleep that ends at this model time (restarted after EINTR until then), -1 none. */
    long sleepEnd = -1;
    /** Step pc is a barrier this thread reached; the generation it waits to complete (0: not arrived). */
    int barrierGen;
    final Map<Long, Integer> barrierPasses = new HashMap<>();
    /** Signals sent to this thread whose handler has not run yet (it runs before the thread's next step). */
    final List<String> pendingSignals = new ArrayList<>();
    /** A send step's SENDUIPI outcome until the step is over (null: none yet, a wake replaced it). */
    SendOutcome sent;
    /** The alt_stack buffer in use: its name, base and size (size 0: none). */
    String altName;
    long altBase;
    long altSize;
    int altBuffers;
    /** The thread is executing its stui step's STUI / is in a syscall (the frame step's exact resume points). */
    boolean inStui;
    boolean inSyscall;

    CaseThread(String name, int cpu) {
        this.name = name;
        this.cpu = cpu;
    }

    public String name() {
        return name;
    }

    /** Its program ended (its task exited) or a fatal signal killed it. */
    public boolean done() {
        return done;
    }

    public void markDone() {
        done = true;
    }

    /** The named results it sees (shared by the threads of a process; a fork child's is a copy). */
    public Map<String, Long> vars() {
        return vars;
    }

    public void vars(Map<String, Long> shared) {
        vars = shared;
    }

    /** The model time its user-mode spin ends, -1 when it is not spinning for time. */
    public long sleepUntil() {
        return sleepUntil;
    }

    public String altName() {
        return altName;
    }

    public long altBase() {
        return altBase;
    }

    public long altSize() {
        return altSize;
    }

    public boolean inStui() {
        return inStui;
    }

    public boolean inSyscall() {
        return inSyscall;
    }
}
