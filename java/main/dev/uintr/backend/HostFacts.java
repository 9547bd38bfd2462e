package dev.uintr.backend;

import dev.uintr.AbiProfile;

/**
 * Everything the probe learned about this host, read once (see {@link HostProbe}). Strings
 * are "unknown" when a fact could not be read; numbers use 0 only where documented.
 *
 * @param cpuVendor      CPUID.0 vendor string (GenuineIntel, AuthenticAMD) or /proc/cpuinfo vendor_id
 * @param cpuFamily      display family (CPUID.1:EAX, extended family added), -1 unknown
 * @param cpuModel       display model (extended model folded in), -1 unknown
 * @param cpuStepping    stepping, -1 unknown
 * @param cpuName        brand string (CPUID 0x80000002..4) or /proc/cpuinfo "model name"
 * @param cpuidUintr     CPUID.(7,0):EDX[5], read with the CPUID instruction in the shim
 * @param cpuidUiretUif  CPUID.(7,1):EDX[17] (Flexible UIRET)
 * @param procUintrFlag  the "uintr" flag in /proc/cpuinfo (the kernel knows the feature)
 * @param kernelRelease  uname -r (/proc/sys/kernel/osrelease)
 * @param kernelAbi      the uintr syscall generation the kernel speaks, NONE without uintr
 * @param kernelAbiHow   how the ABI was decided (which symbols were found where)
 * @param kpti           page-table isolation on (YES blocks the native backend)
 * @param kptiHow        where the KPTI state came from
 * @param invariantTsc   CPUID.80000007H:EDX[8], or the constant_tsc+nonstop_tsc flags
 * @param tscHz          TSC ticks per second (calibrated against CLOCK_MONOTONIC_RAW), 0 unknown
 * @param shimLoaded     libuintrshim.so loaded through JNA
 * @param shimDetail     its build info, or why it is not loaded
 * @param autoBackend    what --backend auto picks on this host
 * @param autoReason     why
 */
public record HostFacts(
        String cpuVendor,
        int cpuFamily,
        int cpuModel,
        int cpuStepping,
        String cpuName,
        Tri cpuidUintr,
        Tri cpuidUiretUif,
        boolean procUintrFlag,
        String kernelRelease,
        AbiProfile kernelAbi,
        String kernelAbiHow,
        Tri kpti,
        String kptiHow,
        Tri invariantTsc,
        long tscHz,
        boolean shimLoaded,
        String shimDetail,
        BackendKind autoBackend,
        String autoReason) {
}
