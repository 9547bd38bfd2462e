package dev.uintr.nat;

/**
 * The two supervisor calls made once per tracee stop (ush_hybrid_wait, ush_hybrid_apply), bound by
 * JNA direct mapping: an interface proxy boxes every argument and reflects per call, which showed
 * as a tenth of the tracer's time per event. {@link UintrHybridLib.Calls} uses these when bound.
 */
final class HybridDirect {
    static final boolean BOUND = ShimLoader.registerDirect(HybridDirect.class);

    private HybridDirect() {}

    static native int ush_hybrid_wait(byte[] ev, int evlen, long deadlineNs);

    static native int ush_hybrid_apply(byte[] cmds, int len);
}
