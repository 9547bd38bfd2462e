package dev.uintr.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backend returns for a case: each distinct rendered observation with how many runs
 * showed it (in first-seen order), or an error when the backend itself broke (a bug, a
 * runner that could not start) — an error is never graded.
 */
public record BackendSamples(Map<String, Long> counts, String error) {

    public BackendSamples {
        counts = new LinkedHashMap<>(counts);
    }

    public static BackendSamples error(String why) {
        return new BackendSamples(Map.of(), why);
    }

    public boolean failed() {
        return error != null;
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
