package dev.uintr.program;

import java.util.ArrayList;
import java.util.List;

/** The program of one user thread (or a forked child process): a name and its steps. */
public record ThreadProgram(String name, List<Step> steps) {

    public ThreadProgram {
        steps = List.copyOf(steps);
    }

    /** This program and, depth first, every fork child in it, in the order they appear. */
    public List<ThreadProgram> withChildren() {
        List<ThreadProgram> out = new ArrayList<>();
        out.add(this);
        for (Step s : steps) {
            if (s.op() == Op.FORK) {
                out.addAll(s.child().withChildren());
            }
        }
        return out;
    }
}
