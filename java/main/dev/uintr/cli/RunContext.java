package dev.uintr.cli;

import dev.uintr.backend.HostFacts;
import dev.uintr.report.RunFolder;
import java.io.PrintWriter;

/**
 * What every run stage gets: the run folder to write into, the host facts probed once at
 * the start, the console, and whether the run is a quick one (CI smoke test: fewer
 * iterations, shorter benchmarks).
 */
public record RunContext(RunFolder folder, HostFacts host, PrintWriter out, boolean quick) {}
