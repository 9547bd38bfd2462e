package dev.uintr.machine;

import java.util.Arrays;

/**
 * The emulated platform: several logical processors ({@link Cpu}, each with its
 * {@link LocalApic}), one shared sparse {@link Memory}, and the IPIs in flight between them.
 * Everything that is state lives in primitive fields and arrays, so {@link #copy()},
 * {@link #equals} and {@link #hashCode} are cheap (the explorer searches millions of states);
 * {@link #toString()} is the short STATE string of traces. Nothing here is random: where the
 * platform is nondeterministic (when an IPI lands) a {@link Chooser} decides.
 *
 * <h2>How the kernel model uses the machine</h2>
 * The kernel maps its own memory for UPIDs and UITTs with {@link Memory#map} on
 * {@link #memory()} using {@code Memory.WRITABLE} without {@code Memory.USER} (supervisor pages:
 * SENDUIPI and notification processing reach them, user stack pushes do not), and user stacks
 * with {@code WRITABLE | USER}. On a context switch it runs at CPL 0
 * ({@code cpu(i).cpl = 0}) and uses {@code dev.uintr.isa.Isa.wrmsr / rdmsr} to load the six
 * UINTR MSRs, and {@code Isa.xsaves / xrstors} to save and restore state component 14 into a
 * per-task 48-byte buffer (XSAVES clears UINV; XRSTORS faults while UINV != 0). To post a
 * self-IPI (e.g. after restoring a task with PIR != 0) it calls {@link #sendIpi} with the
 * processor's own APIC id; self-IPIs reach the IRR at once (design decision 4), IPIs to other
 * processors stay in flight until {@link #boundary} lands them as the chooser decides (or
 * {@link #landIpi} / {@link #landAll}). When a processor takes an external interrupt it calls
 * {@code cpu(i).apic.acknowledge()} for the vector and {@code Isa.acceptInterrupt}, whose
 * result says whether notification processing consumed it or it goes to the IDT (kernel
 * vectors 0xEC, 0xEB when UINV does not match); the kernel's IDT handler then calls
 * {@code apic.eoi()}. At each user-mode boundary it calls {@code Isa.deliver}. A
 * {@link MachineListener} set with {@link #setListener} observes IPIs, notifications, IDT
 * interrupts and deliveries.
 */
public final class Machine {
    private final CpuModel model;
    private final Cpu[] cpus;
    private final Memory memory;
    // IPIs in flight, oldest first: vector bits 7:0, sender bits 23:8, sender x2APIC bit 24, destination bits 63:32
    private long[] inFlight;
    private int inFlightCount;
    private MachineListener listener = MachineListener.NONE;

    /** {@code cpus} processors with APIC ids 0..cpus-1 (xAPIC mode), empty memory. */
    public Machine(int cpus, CpuModel model) {
        if (cpus < 1 || cpus > 0xFFFF) {
            throw new IllegalArgumentException("cpus: " + cpus);
        }
        this.model = model;
        this.cpus = new Cpu[cpus];
        for (int i = 0; i < cpus; i++) {
            this.cpus[i] = new Cpu(i);
        }
        this.memory = new Memory();
        this.inFlight = new long[4];
    }

    private Machine(Machine o) {
        model = o.model;
        cpus = new Cpu[o.cpus.length];
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = o.cpus[i].copy();
        }
        memory = o.memory.copy();
        inFlight = Arrays.copyOf(o.inFlight, Math.max(4, o.inFlightCount));
        inFlightCount = o.inFlightCount;
        listener = o.listener;
    }

    /** An independent copy (memory pages are shared copy-on-write); the listener is shared. */
    public Machine copy() {
        return new Machine(this);
    }

    public CpuModel model() {
        return model;
    }

    public int cpuCount() {
        return cpus.length;
    }

    public Cpu cpu(int i) {
        return cpus[i];
    }

    public Memory memory() {
        return memory;
    }

    public MachineListener listener() {
        return listener;
    }

    public void setListener(MachineListener listener) {
        this.listener = listener == null ? MachineListener.NONE : listener;
    }

    // ---------------------------------------------------------------- IPIs

    /**
     * Sends a fixed, physical-destination, edge-triggered IPI from processor {@code from}; the
     * destination is read in the sender's APIC mode (8 bits in xAPIC mode, 32 in x2APIC mode).
     * An IPI addressed only to the sender itself lands in its IRR at once (design decision 4:
     * processed at its next boundary); any other waits in flight.
     */
    public void sendIpi(int from, int vector, long destination) {
        boolean x2 = cpus[from].apic.x2apic;
        long dest = x2 ? destination & 0xFFFF_FFFFL : destination & 0xFF;
        listener.ipiSent(from, vector & 0xFF, dest, x2);
        long packed = (dest << 32) | (x2 ? 1L << 24 : 0) | ((long) from << 8) | (vector & 0xFF);
        if (isSelfOnly(from, dest, x2)) {
            deliverMessage(packed);
            return;
        }
        if (inFlightCount == inFlight.length) {
            inFlight = Arrays.copyOf(inFlight, inFlight.length * 2);
        }
        inFlight[inFlightCount++] = packed;
    }

    private boolean isSelfOnly(int from, long dest, boolean x2) {
        boolean broadcast = x2 ? dest == LocalApic.X2APIC_BROADCAST : dest == LocalApic.XAPIC_BROADCAST;
        if (broadcast) {
            return cpus.length == 1;
        }
        return cpus[from].apic.accepts(dest, x2);
    }

    /** The number of IPIs in flight. */
    public int ipisInFlight() {
        return inFlightCount;
    }

    /** The vector of the {@code k}-th oldest IPI in flight. */
    public int ipiVector(int k) {
        return (int) (inFlight[k] & 0xFF);
    }

    /** The destination of the {@code k}-th oldest IPI in flight (in its sender's APIC mode). */
    public long ipiDestination(int k) {
        return inFlight[k] >>> 32;
    }

    /** The sender of the {@code k}-th oldest IPI in flight. */
    public int ipiSender(int k) {
        return (int) (inFlight[k] >>> 8) & 0xFFFF;
    }

    /** Lands the {@code k}-th oldest IPI in flight: sets the IRR bit in every matching local APIC. */
    public void landIpi(int k) {
        if (k < 0 || k >= inFlightCount) {
            throw new IndexOutOfBoundsException("no IPI in flight at " + k);
        }
        long packed = inFlight[k];
        System.arraycopy(inFlight, k + 1, inFlight, k, inFlightCount - k - 1);
        inFlightCount--;
        deliverMessage(packed);
    }

    /** Lands every IPI in flight, oldest first. */
    public void landAll() {
        while (inFlightCount > 0) {
            landIpi(0);
        }
    }

    /**
     * An instruction boundary: lets {@code chooser} land any number of IPIs in flight (each
     * time offered "none" plus one option per IPI). Returns how many landed.
     */
    public int boundary(Chooser chooser) {
        int landed = 0;
        while (inFlightCount > 0) {
            int c = chooser.choose(Chooser.IPI_LANDING, inFlightCount + 1);
            if (c <= 0) {
                break;
            }
            landIpi(Math.min(c, inFlightCount) - 1);
            landed++;
        }
        return landed;
    }

    private void deliverMessage(long packed) {
        int vector = (int) (packed & 0xFF);
        boolean x2 = (packed & (1L << 24)) != 0;
        long dest = packed >>> 32;
        boolean any = false;
        for (int i = 0; i < cpus.length; i++) {
            if (cpus[i].apic.accepts(dest, x2)) {
                cpus[i].apic.request(vector);
                listener.ipiLanded(i, vector);
                any = true;
            }
        }
        if (!any) {
            listener.ipiDropped(vector, dest);
        }
    }

    /** The index of the processor whose APIC id is {@code apicId}, or -1. */
    public int cpuByApicId(long apicId) {
        for (int i = 0; i < cpus.length; i++) {
            if (cpus[i].apic.id == apicId) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- identity

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Machine)) {
            return false;
        }
        Machine m = (Machine) o;
        if (!model.equals(m.model) || inFlightCount != m.inFlightCount || !Arrays.equals(cpus, m.cpus)) {
            return false;
        }
        for (int i = 0; i < inFlightCount; i++) {
            if (inFlight[i] != m.inFlight[i]) {
                return false;
            }
        }
        return memory.equals(m.memory);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(cpus);
        for (int i = 0; i < inFlightCount; i++) {
            h = 31 * h + Long.hashCode(inFlight[i]);
        }
        return 31 * h + memory.hashCode();
    }

    /** The short STATE string: one part per processor, then the IPIs in flight. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus.length; i++) {
            sb.append(i == 0 ? "" : " | ").append("cpu").append(i).append(": ").append(cpus[i]);
        }
        if (inFlightCount > 0) {
            sb.append(" | in flight:");
            for (int k = 0; k < inFlightCount; k++) {
                sb.append(" 0x").append(Integer.toHexString(ipiVector(k))).append("@0x")
                        .append(Long.toHexString(ipiDestination(k)));
            }
        }
        return sb.toString();
    }
}
