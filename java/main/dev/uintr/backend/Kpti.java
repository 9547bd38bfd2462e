package dev.uintr.backend;

/**
 * Kernel page-table isolation. UITT and UPID live in kernel memory that SENDUIPI and
 * notification processing touch with supervisor accesses from user mode, so the RFC
 * kernels refuse uintr with KPTI on (uintr-isa §7.5, uintr-kernel §1). Pure: takes the
 * text of /sys/devices/system/cpu/vulnerabilities/meltdown (null if absent) and the cpuinfo flags.
 */
public record Kpti(Tri on, String how) {

    public static Kpti decide(String meltdown, CpuInfo cpu) {
        if (cpu.hasFlag("pti")) {
            return new Kpti(Tri.YES, "/proc/cpuinfo has the pti flag");
        }
        if (meltdown != null) {
            String m = meltdown.trim();
            if (m.contains("PTI")) {
                return new Kpti(Tri.YES, "vulnerabilities/meltdown: " + m);
            }
            return new Kpti(Tri.NO, "vulnerabilities/meltdown: " + m);
        }
        if (!cpu.flags().isEmpty()) {
            return new Kpti(Tri.NO, "no pti flag in /proc/cpuinfo");
        }
        return new Kpti(Tri.UNKNOWN, "neither vulnerabilities/meltdown nor /proc/cpuinfo readable");
    }
}
