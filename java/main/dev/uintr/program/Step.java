package dev.uintr.program;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of a thread's program: an op, its arguments, the name its result is bound to
 * (or null) and, for fork, the child's program. {@code line} is the case file line.
 */
public record Step(Op op, List<Arg> args, String bind, ThreadProgram child, int line) {

    public Step {
        args = List.copyOf(args);
    }

    /** {@code op(args)} as the observation prints it (Lincheck style, before ": result"). */
    public String call() {
        if (op == Op.FORK) {
            return "fork(" + child.name() + ")";
        }
        if (op.maxArgs() == 0 && !op.isSyscall()) {
            return op.keyword();                                         // stui, clui, testui
        }
        if (op == Op.SENDUIPI && args.size() > 1) {
            return op.keyword() + "(" + args.get(0).render() + ")";   // a handler's "if deliveries<N" is not shown
        }
        return op.keyword() + "(" + args.stream().map(Arg::render).collect(Collectors.joining(", ")) + ")";
    }

    /** The spin_until target n of {@code deliveries>=n}. */
    public int spinTarget() {
        String w = args.get(0).word();
        return Integer.parseInt(w.substring(w.indexOf(">=") + 2));
    }

    /** A handler body's {@code senduipi ARG if deliveries<N}: N, or -1 when unconditional. */
    public long sendBelow() {
        return op == Op.SENDUIPI && args.size() > 1 ? args.get(1).offset() : -1;
    }

    public long arg(int i, java.util.Map<String, Long> vars, long dflt) {
        return i < args.size() ? args.get(i).value(vars) : dflt;
    }
}
