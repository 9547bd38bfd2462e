package dev.uintr.conform;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.backend.Backend;
import dev.uintr.backend.BackendKind;
import dev.uintr.backend.CaseDesign;
import dev.uintr.backend.EmulatedBackend;
import dev.uintr.backend.HostFacts;
import dev.uintr.backend.NativeBackend;
import dev.uintr.kernel.BlockingDesign;
import dev.uintr.program.CaseParser;
import dev.uintr.program.CaseSpec;
import dev.uintr.program.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a conform run does, from the user's choices: which cases (globs over case names, a case
 * runs when any matches),
 * which backend ({@code auto} = the probe's pick, {@code emulated}, {@code native}), which
 * profiles ({@code all}, {@code rfc-v1}, {@code later}) and how many samples per case.
 */
public record ConformPlan(List<CaseSpec> cases, Backend backend, List<AbiProfile> profiles, int samples) {
    /** Largest --seeds (samples per case and profile); the suite at 10000 takes tens of minutes. */
    public static final int MAX_SEEDS = 10_000;

    public static ConformPlan of(Path caseDir, List<String> caseGlobs, String backend, String profile, int samples,
                                 HostFacts host) {
        if (samples < 1 || samples > MAX_SEEDS) {
            throw new BadInputException("--seeds must be 1.." + MAX_SEEDS + ", was " + samples);
        }
        List<AbiProfile> profiles = profiles(profile);
        List<String> globs = caseGlobs == null ? List.of() : List.copyOf(caseGlobs);
        for (String g : globs) {
            if (g.isBlank()) {
                throw new BadInputException("--case: empty glob (omit the option for every case)");
            }
        }
        List<CaseSpec> all = CaseParser.loadDir(caseDir);
        if (all.isEmpty()) {
            return new ConformPlan(List.of(), backend(backend, host), profiles, samples);   // nothing to run: exit 4
        }
        List<CaseSpec> picked = new ArrayList<>();
        for (CaseSpec c : all) {
            if (globs.isEmpty() || globs.stream().anyMatch(g -> Glob.matches(g, c.name()))) {
                picked.add(c);
            }
        }
        for (String g : globs) {   // each --case must pick something: a typo is not "fewer cases"
            if (all.stream().noneMatch(c -> Glob.matches(g, c.name()))) {
                throw new BadInputException("--case '" + g + "' matches none of the " + all.size() + " cases in " + caseDir);
            }
        }
        return new ConformPlan(picked, backend(backend, host), profiles, samples);
    }

    static Backend backend(String name, HostFacts host) {
        switch (name) {
            case "auto":
                return host.autoBackend() == BackendKind.NATIVE ? new NativeBackend(host) : new EmulatedBackend();
            case "emulated":
                return new EmulatedBackend();
            case "native":
                return new NativeBackend(host);
            case "hybrid":
                return new dev.uintr.backend.HybridBackend();
            default:
                throw new BadInputException("unknown --backend '" + name + "' (expected auto, emulated, native or hybrid)");
        }
    }

    static List<AbiProfile> profiles(String name) {
        if (name.equals("all")) {
            return List.of(AbiProfile.RFC_V1, AbiProfile.LATER);
        }
        return List.of(AbiProfile.uintrOption(name, "none runs no uintr case", "rfc-v1, later or all"));
    }

    /** This plan with its rfc-v1 runs under blocking design {@code design} as --design spells it (null: unchanged); a case's own design line wins. */
    public ConformPlan withDesign(String design) {
        if (design == null) {
            return this;
        }
        BlockingDesign d;
        try {
            d = BlockingDesign.parse(design);
        } catch (BadInputException e) {
            throw new BadInputException("--design: " + e.getMessage());
        }
        return new ConformPlan(cases, CaseDesign.withDesign(backend, d), profiles, samples);
    }

    public List<CaseResult> run(java.util.function.Consumer<CaseResult> progress) {
        return ConformRunner.run(cases, backend, profiles, samples, progress);
    }
}
