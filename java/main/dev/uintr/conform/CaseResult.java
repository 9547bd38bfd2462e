package dev.uintr.conform;

import dev.uintr.AbiProfile;
import dev.uintr.backend.BackendKind;
import dev.uintr.program.CaseSpec;

/**
 * The result of one case on one backend under one profile. {@code graded} is null for SKIP
 * and ERROR; {@code reason} says why for SKIP / ERROR / TIMEOUT.
 */
public record CaseResult(CaseSpec spec, BackendKind backend, AbiProfile profile, Status status, String reason,
                         Graded graded, long samples, long millis) {

    /** The stable name: {@code area.case.backend.profile}. */
    public String name() {
        return spec.name() + "." + backend.id() + "." + profile.id();
    }
}
