package dev.uintr.conform;

import dev.uintr.AbiProfile;
import dev.uintr.backend.Backend;
import dev.uintr.backend.BackendSamples;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs cases on a backend under the selected profiles and turns samples into statuses. */
public final class ConformRunner {
    private ConformRunner() {}

    /**
     * Every case × every profile of {@code profiles} that the case applies to, in case order.
     * {@code progress} sees each result as it is made (may be null).
     */
    public static List<CaseResult> run(List<CaseSpec> cases, Backend backend, List<AbiProfile> profiles,
                                       int samples, Consumer<CaseResult> progress) {
        List<CaseResult> out = new ArrayList<>();
        for (CaseSpec c : cases) {
            for (AbiProfile p : profiles) {
                if (c.profiles().contains(p)) {
                    CaseResult r = runOne(c, backend, p, samples);
                    out.add(r);
                    if (progress != null) {
                        progress.accept(r);
                    }
                }
            }
        }
        return out;
    }

    public static CaseResult runOne(CaseSpec c, Backend backend, AbiProfile p, int samples) {
        Optional<String> skip = backend.skipReason(c, p);
        if (skip.isPresent()) {
            return new CaseResult(c, backend.kind(), p, Status.SKIP, skip.get(), null, 0, 0);
        }
        long t0 = System.nanoTime();
        BackendSamples s = backend.run(c, p, samples);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (s.failed()) {
            return new CaseResult(c, backend.kind(), p, Status.ERROR, s.error(), null, 0, ms);
        }
        Graded g = Grading.grade(c, p, s.counts());
        return new CaseResult(c, backend.kind(), p, status(g), null, g, s.total(), ms);
    }

    /** PASS unless a FORBIDDEN observation was seen: then TIMEOUT when one of those holds a TIMEOUT, else FAIL. */
    static Status status(Graded g) {
        if (!g.failed()) {
            return Status.PASS;
        }
        boolean timeoutFailed = g.rows().stream().anyMatch(r -> r.count() > 0
                && r.expect() == Expect.FORBIDDEN && r.observation().contains("TIMEOUT"));
        return timeoutFailed ? Status.TIMEOUT : Status.FAIL;
    }
}
