package dev.uintr.explore;

import java.util.List;

/**
 * A thread of control the explorer interleaves: a task's user program, or the platform
 * (hot-unplug, migration) when {@code task} is null.
 */
public record Actor(String name, String task, List<ActorStep> steps) {
    public boolean platform() {
        return task == null;
    }
}
