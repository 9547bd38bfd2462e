package dev.uintr.program;

import dev.uintr.AbiProfile;
import java.util.List;
import java.util.Set;

/**
 * One conformance case as a case file declares it: the name {@code area.case}, the ABI
 * profiles it applies to, what it needs from a host ({@code uintr}, {@code blocking}), the
 * spec sections it checks, its threads (the first is the process's first thread; the others
 * are threads of the same process) and its outcomes, catch-all last.
 */
public record CaseSpec(String name, Set<AbiProfile> profiles, List<String> needs, String cite,
                       List<ThreadProgram> threads, List<Outcome> outcomes, String file, int line,
                       java.util.Map<String, List<Step>> handlers, String design) {

    public CaseSpec {
        profiles = Set.copyOf(profiles);
        needs = List.copyOf(needs);
        threads = List.copyOf(threads);
        outcomes = List.copyOf(outcomes);
        handlers = java.util.Map.copyOf(handlers);
    }

    /** A case without handler bodies and with each profile's own blocking design. */
    public CaseSpec(String name, Set<AbiProfile> profiles, List<String> needs, String cite,
                    List<ThreadProgram> threads, List<Outcome> outcomes, String file, int line) {
        this(name, profiles, needs, cite, threads, outcomes, file, line, java.util.Map.of(), null);
    }

    /** The body the handler runs at each delivery to program {@code name} (empty: it only records the delivery). */
    public List<Step> handlerOf(String name) {
        return handlers.getOrDefault(name, List.of());
    }

    /** The part of the name before the first dot (KTAP groups by it). */
    public String area() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Every program that runs: the threads, then fork children, in order of appearance. */
    public List<ThreadProgram> allPrograms() {
        return threads.stream().flatMap(t -> t.withChildren().stream()).toList();
    }

    /** Barrier id → how many programs (threads and fork children) hold it: all of them must arrive. */
    public java.util.Map<Long, Integer> barrierParties() {
        java.util.Map<Long, Integer> out = new java.util.LinkedHashMap<>();
        for (ThreadProgram t : allPrograms()) {
            t.steps().stream().filter(s -> s.op() == Op.BARRIER).map(s -> s.args().get(0).offset()).distinct()
                    .forEach(id -> out.merge(id, 1, Integer::sum));
        }
        return out;
    }

    /** The outcomes that grade runs under {@code p}, in file order (the catch-all last). */
    public List<Outcome> outcomesFor(AbiProfile p) {
        return outcomes.stream().filter(o -> o.appliesTo(p)).toList();
    }
}
