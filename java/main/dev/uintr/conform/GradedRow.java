package dev.uintr.conform;

import dev.uintr.program.Expect;

/** One row of the jcstress table: an observation (or a declared outcome not seen, count 0), its grade and why. */
public record GradedRow(String observation, long count, Expect expect, String desc) {}
