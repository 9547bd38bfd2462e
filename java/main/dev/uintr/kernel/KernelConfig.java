package dev.uintr.kernel;

import dev.uintr.AbiProfile;

/**
 * What kind of kernel and machine the model is (fixed for a run).
 *
 * @param profile       rfc-v1 or later (NONE is not a kernel this model runs)
 * @param hardware      the CPU has UINTR, XSAVE component 14 and PTI is off (X86_FEATURE_UINTR set)
 * @param built         the kernel was built with CONFIG_X86_USER_INTERRUPTS (else every uintr syscall is ENOSYS)
 * @param blockingBuilt later profile: CONFIG_X86_UINTR_BLOCKING (WAITING flags, uintr_wait)
 * @param design        the run-level blocking design (rfc-v1's uintr_wait, exploration)
 * @param cpus          number of logical CPUs (APIC id = CPU number, xAPIC: NDST = id << 8)
 * @param isolated      CPUs booted isolated (isolcpus=, nohz_full=), bit i = CPU i: the model counts an
 *                      interrupt caused by a post that one of them takes while it runs a task with
 *                      nothing posted ({@link Counters#isolationHits})
 * @param irqAffinity   the CPUs device interrupts may target (irqaffinity=, the housekeeping CPUs),
 *                      bit i = CPU i, 0 = all; the affinity design routes a blocked receiver's notification there
 */
public record KernelConfig(AbiProfile profile, boolean hardware, boolean built, boolean blockingBuilt,
                           BlockingDesign design, int cpus, long isolated, long irqAffinity) {

    public KernelConfig {
        if (profile == AbiProfile.NONE) {
            throw new IllegalArgumentException("the kernel model runs rfc-v1 or later, not none");
        }
        if (cpus < 1 || cpus > 64) {
            throw new IllegalArgumentException("cpus must be 1..64, was " + cpus);
        }
    }

    /** A kernel of {@code profile} with hardware, everything built, the profile's own design, 2 CPUs. */
    public static KernelConfig of(AbiProfile profile) {
        return new KernelConfig(profile, true, true, true,
                profile == AbiProfile.RFC_V1 ? BlockingDesign.KERNEL_VECTOR : BlockingDesign.GP_FAULT, 2, 0, 0);
    }

    public KernelConfig withDesign(BlockingDesign d) {
        return new KernelConfig(profile, hardware, built, blockingBuilt, d, cpus, isolated, irqAffinity);
    }

    public KernelConfig withCpus(int n) {
        return new KernelConfig(profile, hardware, built, blockingBuilt, design, n, isolated, irqAffinity);
    }

    public KernelConfig withHardware(boolean hw) {
        return new KernelConfig(profile, hw, built, blockingBuilt, design, cpus, isolated, irqAffinity);
    }

    public KernelConfig withBuilt(boolean b) {
        return new KernelConfig(profile, hardware, b, blockingBuilt, design, cpus, isolated, irqAffinity);
    }

    public KernelConfig withBlockingBuilt(boolean b) {
        return new KernelConfig(profile, hardware, built, b, design, cpus, isolated, irqAffinity);
    }

    /** Marks CPUs isolated (bit i = CPU i). */
    public KernelConfig withIsolated(long mask) {
        return new KernelConfig(profile, hardware, built, blockingBuilt, design, cpus, mask, irqAffinity);
    }

    /** Restricts device-interrupt affinity to these CPUs (bit i = CPU i, 0 = all). */
    public KernelConfig withIrqAffinity(long mask) {
        return new KernelConfig(profile, hardware, built, blockingBuilt, design, cpus, isolated, mask);
    }

    public boolean isolated(int cpu) {
        return (isolated >>> cpu & 1) != 0;
    }

    /** CPU {@code cpu} may take device interrupts (irqAffinity 0 means every CPU). */
    public boolean inIrqAffinity(int cpu) {
        return irqAffinity == 0 || (irqAffinity >>> cpu & 1) != 0;
    }

    public boolean rfc() {
        return profile == AbiProfile.RFC_V1;
    }

    public boolean later() {
        return profile == AbiProfile.LATER;
    }

    /**
     * The UITTSZ value the kernel writes into IA32_UINTR_MISC[31:0]: 256 in the RFC as
     * posted (UINTR_MAX_UITT_NR without "-1", audit §2.1), 255 in the later tree.
     */
    public int uittSizeWritten() {
        return rfc() ? 256 : 255;
    }
}
