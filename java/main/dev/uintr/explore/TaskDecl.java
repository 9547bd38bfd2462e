package dev.uintr.explore;

/**
 * A task a scenario creates before the search starts.
 *
 * @param name     its name in traces
 * @param cpu      the CPU it is queued on
 * @param threadOf null for a process of its own, else the task whose process it joins (a thread)
 * @param receiver registers a handler and sets UIF = 1
 * @param vector   the user vector of its uintr fd (receivers), -1 none
 * @param line     the scenario file line
 */
public record TaskDecl(String name, int cpu, String threadOf, boolean receiver, int vector, int line) {}
