package dev.uintr.bench;

/**
 * The emulated uipi paths a bench run can time. Each names the emulated CPUs of its two ends
 * (written in latency.csv's {@code cpus} column, so the two rows stay apart) and what one sample's
 * round trip is.
 */
public enum EmulatedPath {
    /** isa bench's path: SENDUIPI to this CPU's own UPID, the self-IPI taken, delivery, UIRET. One notification. */
    SELF_IPI("emu0,emu0", "one emulated CPU, self-IPI: SENDUIPI -> IPI -> notification -> delivery -> UIRET"),
    /** A ping-pong: CPU 0 notifies CPU 1 (the IPI lands on CPU 1's APIC), CPU 1's handler returns and answers. Two notifications. */
    TWO_CPUS("emu0,emu1", "two emulated CPUs, ping-pong: SENDUIPI -> IPI lands on the other CPU -> notification "
            + "-> delivery -> UIRET, then the same back");

    /** The words every emulated row's reason starts with. */
    public static final String NOTE = "emulation cost of the Java model, not hardware latency";

    private final String cpus;
    private final String description;

    EmulatedPath(String cpus, String description) {
        this.cpus = cpus;
        this.description = description;
    }

    /** The {@code cpus} column of its rows: the emulated CPUs of the initiator and the responder. */
    public String cpus() {
        return cpus;
    }

    public String description() {
        return description;
    }

    /** The row's reason: {@link #NOTE}, the path, and how a sample is made. */
    public String note(int batch) {
        return NOTE + "; " + description + "; each sample is the mean of a batch of " + batch
                + " round trips timed with System.nanoTime";
    }

    /** A fresh emulated machine running this path. */
    public EmulatedRoundTrip newRoundTrip() {
        return switch (this) {
            case SELF_IPI -> new SelfIpiRoundTrip();
            case TWO_CPUS -> new PingPongRoundTrip();
        };
    }
}
