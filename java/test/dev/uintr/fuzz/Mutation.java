package dev.uintr.fuzz;

/**
 * One mutated fixture file: its bytes, whether it is malformed on purpose (then the command must
 * reject it with exit 2), and what was done, for the failure message.
 */
record Mutation(byte[] bytes, boolean malformed, String what) {}
