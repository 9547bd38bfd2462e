package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.DirectiveFile;
import dev.uintr.kernel.BlockingDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one scenario file: one directive per line, '#' starts a comment. Every mistake is a
 * {@link BadInputException} "FILE:LINE: what is wrong" (exit code 2). The format:
 * <pre>
 * scenario  NAME                                   id ([a-z0-9-]+)
 * describe  TEXT                                   one sentence, cite the spec section
 * cpus      N                                      1..8
 * profiles  rfc-v1 later                           the ABI profiles it applies to
 * task      NAME cpu=N [thread-of=T] [receiver] [vector=V]
 * connect   SENDER -> RECEIVER                     uintr_register_sender on RECEIVER's fd
 * run       NAME...                                made current on its CPU after setup
 * asleep    NAME...                                receivers that call uintr_wait at the end of setup
 * isolated  CPU[,CPU...]                           CPUs booted isolated (the isolation invariant)
 * housekeeping CPU[,CPU...]                        CPUs device interrupts may target (irqaffinity=)
 * actor     NAME: STEP; STEP...                    wait [N] | spin [N] | send RECEIVER | sleep
 * platform: STEP; STEP...                          offline CPU | migrate TASK CPU | kill TASK | signal TASK
 * expect    DESIGN[@PROFILE] none|INV[+INV...]     INV: lost-wakeup victim mass-wakeup use-after-free isolation
 * </pre>
 */
public final class ScenarioParser {
    /** Most tasks of one scenario (each adds to every explored state). */
    public static final int MAX_TASKS = 8;
    /** Most steps of one actor line (a wait or spin count counts as that many steps). */
    public static final int MAX_ACTOR_STEPS = 16;
    /** Most steps of all actors of one scenario together (the search grows with each). */
    public static final int MAX_STEPS = 32;

    private ScenarioParser() {}

    /** Every *.txt under {@code dir}, sorted by file name; bad input when the folder is missing. */
    public static List<Scenario> loadAll(Path dir) {
        List<Scenario> out = new ArrayList<>();
        for (Path p : DirectiveFile.files(dir, ".txt", "scenario")) {
            out.add(parse(p));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Scenario sc : out) {
            if (!names.add(sc.name())) {
                throw new BadInputException(sc.file() + ": scenario name '" + sc.name() + "' is used by two files");
            }
        }
        return out;
    }

    public static Scenario parse(Path file) {
        return parse(file.toString(), DirectiveFile.read(file));
    }

    public static Scenario parse(String file, List<String> lines) {
        return parse(file, String.join("\n", lines));
    }

    public static Scenario parse(String file, String text) {
        return new Builder(file).read(text);
    }

    private static final class Builder {
        final String file;
        String name;
        String description = "";
        int cpus = -1;
        final Set<AbiProfile> profiles = EnumSet.noneOf(AbiProfile.class);
        final List<TaskDecl> tasks = new ArrayList<>();
        final List<Scenario.Connect> connects = new ArrayList<>();
        final List<String> runs = new ArrayList<>();
        final List<String> asleep = new ArrayList<>();
        final List<Actor> actors = new ArrayList<>();
        final Map<String, Set<Invariant>> expected = new LinkedHashMap<>();
        long isolated;
        long housekeeping;
        int ln;

        Builder(String file) {
            this.file = file;
        }

        BadInputException bad(String msg) {
            return BadInputException.at(file, ln, msg);
        }

        Scenario read(String text) {
            List<DirectiveFile.Line> lines = DirectiveFile.lines(text);
            for (DirectiveFile.Line l : lines) {
                ln = l.number();
                String line = l.text();
                String[] kw = line.split("\\s+", 2);
                String rest = kw.length > 1 ? kw[1].trim() : "";
                switch (kw[0]) {
                    case "scenario": scenario(rest); break;
                    case "describe": description = rest; break;
                    case "cpus": cpus(rest); break;
                    case "profiles": profiles(rest); break;
                    case "task": task(rest); break;
                    case "connect": connect(rest); break;
                    case "run": run(rest); break;
                    case "asleep": asleep(rest); break;
                    case "actor": actor(rest); break;
                    case "platform:": platform(rest); break;
                    case "expect": expect(rest); break;
                    case "isolated": isolated = cpuList(rest, "isolated"); break;
                    case "housekeeping": housekeeping = cpuList(rest, "housekeeping"); break;
                    default:
                        throw bad("unknown directive '" + kw[0] + "' (expected scenario, describe, cpus, profiles, "
                                + "task, connect, run, asleep, isolated, housekeeping, actor, platform:, expect)");
                }
            }
            ln = (int) text.lines().count();
            if (name == null) {
                throw bad("no 'scenario NAME' line");
            }
            if (cpus < 0) {
                throw bad("no 'cpus N' line");
            }
            if (profiles.isEmpty()) {
                throw bad("no 'profiles' line");
            }
            if (actors.isEmpty()) {
                throw bad("no actor: nothing to interleave");
            }
            int steps = actors.stream().mapToInt(a -> a.steps().stream().mapToInt(Builder::weight).sum()).sum();
            if (steps > MAX_STEPS) {
                throw bad("the actors take " + steps + " steps together (wait N and spin N count N); the limit is " + MAX_STEPS);
            }
            if ((isolated & housekeeping) != 0) {
                throw bad("cpu " + Long.numberOfTrailingZeros(isolated & housekeeping)
                        + " is both isolated and housekeeping");
            }
            return new Scenario(name, description, file, cpus, Set.copyOf(profiles), List.copyOf(tasks),
                    List.copyOf(connects), List.copyOf(runs), List.copyOf(asleep), List.copyOf(actors), Map.copyOf(expected), isolated, housekeeping);
        }

        void scenario(String rest) {
            if (!rest.matches("[a-z0-9][a-z0-9-]*")) {
                throw bad("scenario name '" + rest + "' must be lower-case letters, digits and '-'");
            }
            name = rest;
        }

        void cpus(String rest) {
            cpus = number(rest, "cpus");
            if (cpus < 1 || cpus > 8) {
                throw bad("cpus " + rest + " out of range (1..8)");
            }
        }

        void profiles(String rest) {
            for (String p : words(rest)) {
                AbiProfile a;
                try {
                    a = AbiProfile.parse(p);
                } catch (BadInputException e) {
                    throw bad("unknown profile '" + p + "' (expected rfc-v1 or later)");
                }
                if (a == AbiProfile.NONE) {
                    throw bad("profile 'none' has no uintr kernel to explore");
                }
                profiles.add(a);
            }
        }

        void task(String rest) {
            List<String> w = words(rest);
            if (w.isEmpty()) {
                throw bad("task needs a name");
            }
            String n = w.get(0);
            checkName(n);
            if (taskNamed(n) != null) {
                throw bad("task '" + n + "' declared twice");
            }
            if (tasks.size() == MAX_TASKS) {
                throw bad("more than " + MAX_TASKS + " tasks (the limit of a scenario)");
            }
            int cpu = -1;
            String threadOf = null;
            boolean receiver = false;
            int vector = -1;
            for (String opt : w.subList(1, w.size())) {
                if (opt.startsWith("cpu=")) {
                    cpu = number(opt.substring(4), "cpu");
                } else if (opt.startsWith("thread-of=")) {
                    threadOf = opt.substring(10);
                    if (taskNamed(threadOf) == null) {
                        throw bad("thread-of names unknown task '" + threadOf + "' (declare it first)");
                    }
                } else if (opt.equals("receiver")) {
                    receiver = true;
                } else if (opt.startsWith("vector=")) {
                    vector = number(opt.substring(7), "vector");
                    if (vector > 63) {
                        throw bad("vector " + vector + " out of range (0..63)");
                    }
                    receiver = true;
                } else {
                    throw bad("unknown task option '" + opt + "' (expected cpu=N, thread-of=T, receiver, vector=V)");
                }
            }
            requireCpu(cpu, "task " + n);
            tasks.add(new TaskDecl(n, cpu, threadOf, receiver, vector, ln));
        }

        void connect(String rest) {
            String[] p = rest.split("\\s*->\\s*");
            if (p.length != 2) {
                throw bad("connect needs 'SENDER -> RECEIVER', got '" + rest + "'");
            }
            requireTask(p[0].trim());
            TaskDecl r = requireTask(p[1].trim());
            if (r.vector() < 0) {
                throw bad("connect: '" + r.name() + "' has no vector=V, so no fd to register against");
            }
            connects.add(new Scenario.Connect(p[0].trim(), r.name(), ln));
        }

        /** {@code 1,2} or {@code 1 2}: a CPU mask; each CPU in range, given once, the line given once. */
        long cpuList(String rest, String what) {
            if ((what.equals("isolated") ? isolated : housekeeping) != 0) {
                throw bad(what + " given twice");
            }
            List<String> w = words(rest.replace(',', ' '));
            if (w.isEmpty()) {
                throw bad(what + " needs CPU numbers, e.g. '" + what + " 1,2'");
            }
            long mask = 0;
            for (String c : w) {
                int cpu = number(c, what + " cpu");
                requireCpu(cpu, what);
                if ((mask >>> cpu & 1) != 0) {
                    throw bad(what + ": cpu " + cpu + " listed twice");
                }
                mask |= 1L << cpu;
            }
            return mask;
        }

        void run(String rest) {
            for (String t : words(rest)) {
                requireTask(t);
                runs.add(t);
            }
        }

        void asleep(String rest) {
            for (String t : words(rest)) {
                if (!requireTask(t).receiver()) {
                    throw bad("asleep: '" + t + "' is not a receiver (uintr_wait needs a handler)");
                }
                if (asleep.contains(t)) {
                    throw bad("asleep: '" + t + "' is named twice");
                }
                asleep.add(t);
            }
        }

        void actor(String rest) {
            int colon = rest.indexOf(':');
            if (colon < 0) {
                throw bad("actor needs 'NAME: STEP; STEP...'");
            }
            String n = rest.substring(0, colon).trim();
            requireTask(n);
            for (Actor a : actors) {
                if (n.equals(a.task())) {
                    throw bad("task '" + n + "' has two actor lines");
                }
            }
            actors.add(new Actor(n, n, steps(rest.substring(colon + 1), false)));
        }

        void platform(String rest) {
            if (actors.stream().anyMatch(Actor::platform)) {
                throw bad("two platform: lines");
            }
            actors.add(new Actor("platform", null, steps(rest, true)));
        }

        List<ActorStep> steps(String text, boolean platform) {
            List<ActorStep> out = new ArrayList<>();
            for (String s : text.split(";")) {
                List<String> w = words(s);
                if (w.isEmpty()) {
                    continue;
                }
                String op = w.get(0);
                if (!platform && (op.equals("wait") || op.equals("spin")) && w.size() <= 2) {
                    int n = w.size() == 2 ? number(w.get(1), op + " count") : 1;
                    if (n < 1) {
                        throw bad(op + " count must be at least 1");
                    }
                    out.add(new ActorStep(op.equals("wait") ? ActorStep.Kind.WAIT : ActorStep.Kind.SPIN, String.valueOf(n), -1, ln));
                } else if (!platform && op.equals("sleep") && w.size() == 1) {
                    out.add(new ActorStep(ActorStep.Kind.SLEEP, "", -1, ln));
                } else if (platform && op.equals("signal") && w.size() == 2) {
                    requireTask(w.get(1));
                    out.add(new ActorStep(ActorStep.Kind.SIGNAL, w.get(1), -1, ln));
                } else if (!platform && op.equals("send") && w.size() == 2) {
                    requireTask(w.get(1));
                    out.add(new ActorStep(ActorStep.Kind.SEND, w.get(1), -1, ln));
                } else if (platform && op.equals("offline") && w.size() == 2) {
                    int c = number(w.get(1), "cpu");
                    requireCpu(c, "offline");
                    out.add(new ActorStep(ActorStep.Kind.OFFLINE, String.valueOf(c), -1, ln));
                } else if (platform && op.equals("kill") && w.size() == 2) {
                    requireTask(w.get(1));
                    out.add(new ActorStep(ActorStep.Kind.KILL, w.get(1), -1, ln));
                } else if (platform && op.equals("migrate") && w.size() == 3) {
                    requireTask(w.get(1));
                    int c = number(w.get(2), "cpu");
                    requireCpu(c, "migrate");
                    out.add(new ActorStep(ActorStep.Kind.MIGRATE, w.get(1), c, ln));
                } else {
                    throw bad("bad step '" + s.trim() + "' (" + (platform
                            ? "platform steps: offline CPU, migrate TASK CPU, kill TASK, signal TASK"
                            : "task steps: wait [N], spin [N], send RECEIVER, sleep") + ")");
                }
            }
            if (out.isEmpty()) {
                throw bad("no steps");
            }
            int weight = out.stream().mapToInt(Builder::weight).sum();
            if (weight > MAX_ACTOR_STEPS) {
                throw bad(weight + " steps on one line (wait N and spin N count N); the limit is " + MAX_ACTOR_STEPS);
            }
            return out;
        }

        void expect(String rest) {
            List<String> w = words(rest);
            if (w.size() != 2) {
                throw bad("expect needs 'DESIGN[@PROFILE] none|INVARIANT[+INVARIANT]', got '" + rest + "'");
            }
            String key = w.get(0);
            String[] dp = key.split("@", 2);
            BlockingDesign d;
            try {
                d = BlockingDesign.parse(dp[0]);
            } catch (BadInputException e) {
                throw bad("unknown design '" + dp[0] + "' (expected " + BlockingDesign.ids("or") + ")");
            }
            String k = d.id();
            if (dp.length == 2) {
                try {
                    k += "@" + AbiProfile.parse(dp[1]).id();
                } catch (BadInputException e) {
                    throw bad("unknown profile '" + dp[1] + "' in '" + key + "'");
                }
            }
            Set<Invariant> set = EnumSet.noneOf(Invariant.class);
            if (!w.get(1).equals("none")) {
                for (String i : w.get(1).split("\\+")) {
                    Invariant inv = Invariant.parseOrNull(i);
                    if (inv == null) {
                        throw bad("unknown invariant '" + i + "' (expected none, lost-wakeup, victim, mass-wakeup, use-after-free, isolation)");
                    }
                    set.add(inv);
                }
            }
            if (expected.put(k, set) != null) {
                throw bad("expectation for '" + k + "' given twice");
            }
        }

        TaskDecl taskNamed(String n) {
            for (TaskDecl t : tasks) {
                if (t.name().equals(n)) {
                    return t;
                }
            }
            return null;
        }

        TaskDecl requireTask(String n) {
            TaskDecl t = taskNamed(n);
            if (t == null) {
                throw bad("unknown task '" + n + "' (declare it with a task line first)");
            }
            return t;
        }

        void requireCpu(int cpu, String what) {
            if (cpus < 0) {
                throw bad(what + ": put the 'cpus N' line first");
            }
            if (cpu < 0 || cpu >= cpus) {
                throw bad(what + ": cpu " + cpu + " out of range (0.." + (cpus - 1) + ")");
            }
        }

        void checkName(String n) {
            if (!n.matches("[a-z][a-z0-9]*") || n.equals("platform")) {
                throw bad("task name '" + n + "' must be lower-case letters and digits (and not 'platform')");
            }
        }

        /** A step's cost toward the limits: wait N and spin N count N. */
        static int weight(ActorStep s) {
            return s.kind() == ActorStep.Kind.WAIT || s.kind() == ActorStep.Kind.SPIN ? s.count() : 1;
        }

        /** A decimal number of ASCII digits (not full-width ones, not a sign), at most 9 digits. */
        int number(String text, String what) {
            String t = text.trim();
            if (!t.matches("[0-9]{1,9}")) {
                throw bad(what + " '" + t + "' is not a number (ASCII digits 0-9, at most 9 of them)");
            }
            return Integer.parseInt(t);
        }

        static List<String> words(String s) {
            String t = s.trim();
            return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
        }
    }
}
