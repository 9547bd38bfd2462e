package dev.uintr.cli;

/**
 * One stage of {@code uintr-harness run}. Each issue that lands adds its stage to the list
 * in {@link RunCommand}; a stage writes its files into the run folder (atomically, as it
 * goes) and returns an {@link ExitCodes} value. A stage that throws is reported as an
 * internal error and the remaining stages still run.
 */
public interface RunStage {
    /** Short name shown in the progress lines and the summary (probe, isa, bench, ...). */
    String name();

    /** Runs the stage; returns ExitCodes.OK, FAILED, ALL_SKIPPED or USAGE. */
    int run(RunContext ctx) throws Exception;
}
