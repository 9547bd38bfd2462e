package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small multi-CPU situation from the blocking debate, read from fixtures/scenarios/*.txt
 * (format: fixtures/scenarios/README.md "Explore"). The tasks, connections and initial placement are set up
 * deterministically; the actors' steps and the kernel's pending events are then
 * interleaved in every order by {@link Explorer}.
 *
 * @param name        the id used on the command line and in file names
 * @param description one sentence, with the spec section
 * @param file        the file it came from (for messages)
 * @param cpus        number of CPUs
 * @param profiles    the ABI profiles it applies to
 * @param tasks       tasks in creation order
 * @param connects    sender → receiver pairs (register_sender), in order
 * @param runs        tasks made current on their CPU after setup, in order
 * @param asleep      receivers put to sleep in uintr_wait at the end of setup (already armed when the search starts)
 * @param actors      the interleaved programs
 * @param expected    declared verdicts: key "design" or "design@profile" → violated invariants
 * @param isolated    {@code isolated CPU,...}: CPUs booted isolated (bit i = CPU i), for the isolation invariant
 * @param housekeeping {@code housekeeping CPU,...}: the CPUs device interrupts may target (irqaffinity=), 0 = all
 */
public record Scenario(String name, String description, String file, int cpus, Set<AbiProfile> profiles,
                       List<TaskDecl> tasks, List<Connect> connects, List<String> runs, List<String> asleep,
                       List<Actor> actors,
                       Map<String, Set<Invariant>> expected, long isolated, long housekeeping) {

    /** {@code connect SENDER -> RECEIVER}. */
    public record Connect(String sender, String receiver, int line) {}

    /** The declared verdict for this pair ("design@profile" first, then "design"), or null when none is declared. */
    public Set<Invariant> expectation(BlockingDesign d, AbiProfile p) {
        Set<Invariant> e = expected.get(d.id() + "@" + p.id());
        return e != null ? e : expected.get(d.id());
    }

    public TaskDecl task(String n) {
        for (TaskDecl t : tasks) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        return null;
    }

    /** Number of SEND steps over all actors: the posts one complete run makes (the cost denominator). */
    public int posts() {
        int n = 0;
        for (Actor a : actors) {
            for (ActorStep s : a.steps()) {
                n += s.kind() == ActorStep.Kind.SEND ? 1 : 0;
            }
        }
        return n;
    }

    public boolean hasPlatformActor() {
        return actors.stream().anyMatch(Actor::platform);
    }
}
