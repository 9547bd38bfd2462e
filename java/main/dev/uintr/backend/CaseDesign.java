package dev.uintr.backend;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.program.CaseSpec;

/**
 * The blocking design a case runs under: the case's own {@code design} line, else the run's
 * {@code conform --design}, else the profile's own. It applies to rfc-v1 runs (design.md "Blocking
 * designs": in later the handler's WAITING flag picks the scheme), so later runs get null.
 */
public final class CaseDesign {
    private CaseDesign() {}

    /** The design in force for {@code c} under {@code p} with run-level {@code run} (may be null); null: the profile's own. */
    public static BlockingDesign of(CaseSpec c, AbiProfile p, BlockingDesign run) {
        if (p != AbiProfile.RFC_V1) {
            return null;
        }
        if (c.design() != null) {
            return BlockingDesign.parse(c.design());
        }
        return run;
    }

    /** True when {@code d} is not what a real kernel of {@code p} does (rfc-v1's own is kernel-vector). */
    public static boolean modelOnly(BlockingDesign d, AbiProfile p) {
        return d != null && !(p == AbiProfile.RFC_V1 && d == BlockingDesign.KERNEL_VECTOR);
    }

    /** {@code b} with run-level design {@code d} (null: each profile's own). */
    public static Backend withDesign(Backend b, BlockingDesign d) {
        if (b instanceof EmulatedBackend) {
            return new EmulatedBackend(d);
        }
        if (b instanceof HybridBackend) {
            return new HybridBackend(d);
        }
        if (b instanceof NativeBackend) {
            return ((NativeBackend) b).withDesign(d);
        }
        return b;
    }
}
