package dev.uintr.kernel;

/**
 * A write the model caught that real hardware would make to freed kernel memory (a UPID
 * whose last reference was dropped). Recorded, never silently allowed (issue 4).
 *
 * @param upid   the freed UPID's index
 * @param writer who wrote: "SENDUIPI by task 3", "notification on cpu 1", "#GP fixup", ...
 */
public record Violation(int upid, String writer) {
    @Override
    public String toString() {
        return "use-after-free: " + writer + " wrote freed UPID#" + upid;
    }
}
