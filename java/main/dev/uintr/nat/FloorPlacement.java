package dev.uintr.nat;

/**
 * Where the bare ptrace floor's two parties run (ush_hybrid_floor, uintr_hybrid.h): the tracer
 * thread and its spinning tracee, each pinned to a CPU or left to the scheduler (-1).
 *
 * <p>The placement decides the floor more than anything else on a small host: on the 2-vCPU
 * machines of this project the loop makes about 16,000 stops/s with tracer and tracee on two
 * CPUs and about 64,000 on one (a wake-up on the same CPU is a context switch; across CPUs it is
 * an IPI to a halted vCPU). Left unpinned, the scheduler puts them apart on a quiet host and
 * together as soon as another CPU is busy, so an unpinned floor flips between the two figures
 * with the host's load. A traced ping-pong cannot have the one-CPU placement (its two threads
 * spin on two CPUs), so the bench compares it with the floor {@link #apart apart}.
 *
 * @param tracerCpu the tracer's CPU, -1 unpinned
 * @param traceeCpu the tracee's CPU, -1 unpinned
 */
public record FloorPlacement(int tracerCpu, int traceeCpu) {
    /** Both where the scheduler puts them (the probe's trial). */
    public static final FloorPlacement UNPINNED = new FloorPlacement(-1, -1);

    public FloorPlacement {
        if (tracerCpu < -1 || traceeCpu < -1) {
            throw new IllegalArgumentException("a CPU is >= 0, or -1 for unpinned: " + tracerCpu + "," + traceeCpu);
        }
    }

    /** The tracer on {@code tracer}, the tracee on {@code tracee}. */
    public static FloorPlacement apart(int tracer, int tracee) {
        return new FloorPlacement(tracer, tracee);
    }

    /** Tracer and tracee both on {@code cpu}. */
    public static FloorPlacement together(int cpu) {
        return new FloorPlacement(cpu, cpu);
    }

    /** "0,1" (tracer, tracee), "0" when they share one, "unpinned". */
    public String label() {
        if (tracerCpu < 0 && traceeCpu < 0) {
            return "unpinned";
        }
        return tracerCpu == traceeCpu ? Integer.toString(tracerCpu)
                : (tracerCpu < 0 ? "*" : tracerCpu) + "," + (traceeCpu < 0 ? "*" : traceeCpu);
    }
}
