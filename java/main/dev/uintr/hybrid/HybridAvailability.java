package dev.uintr.hybrid;

import dev.uintr.nat.FloorPlacement;
import dev.uintr.nat.ShimLoader;
import dev.uintr.nat.UintrHybridLib;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the hybrid backend can run on this host, and exactly why not: it needs x86-64 Linux,
 * the shim with its supervisor, a CPU on which the UINTR instructions trap (#UD) rather than run,
 * seccomp filters with SECCOMP_RET_TRACE, and ptrace of our own children. Checked once.
 */
public final class HybridAvailability {
    private static volatile String reason;
    private static volatile boolean checked;

    private HybridAvailability() {}

    /** Null when hybrid runs here, else the missing fact. */
    public static synchronized String reason() {
        if (!checked) {
            reason = check();
            checked = true;
        }
        return reason;
    }

    public static boolean available() {
        return reason() == null;
    }

    private static String check() {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").toLowerCase().startsWith("linux")) {
            return "not Linux (" + System.getProperty("os.name") + ")";
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return "not x86-64 (" + arch + ")";
        }
        String lib = UintrHybridLib.Calls.unavailableReason();
        if (lib != null) {
            return lib;
        }
        if (UintrHybridLib.Calls.eventSize() != StopEvent.SIZE) {
            return "libuintrshim.so's hybrid event is " + UintrHybridLib.Calls.eventSize() + " bytes, this harness expects " + StopEvent.SIZE;
        }
        String seccomp = seccompReason();
        if (seccomp != null) {
            return seccomp;
        }
        double floor = UintrHybridLib.Calls.floor(2, FloorPlacement.UNPINNED).stopsPerSec();
        if (floor == -71) {                                              // EPROTO: UIRET did not trap
            return "this CPU executes UINTR instructions natively: nothing to trap (use --backend native)";
        }
        if (floor == -1 || floor == -13) {
            return "ptrace forbidden here (errno " + (long) -floor + "; see /proc/sys/kernel/yama/ptrace_scope, CAP_SYS_PTRACE)";
        }
        if (floor < 0) {
            return "ptrace trial failed: errno " + (long) -floor;
        }
        return null;
    }

    private static String seccompReason() {
        Path actions = Path.of("/proc/sys/kernel/seccomp/actions_avail");
        try {
            if (Files.isReadable(actions) && !Files.readString(actions).contains("trace")) {
                return "seccomp has no SECCOMP_RET_TRACE here (" + actions + ")";
            }
        } catch (java.io.IOException e) {
            return null;
        }
        if (!Files.exists(actions) && ShimLoader.SHIM.isPresent()) {
            return "seccomp filters unavailable (no " + actions + ")";
        }
        return null;
    }
}
