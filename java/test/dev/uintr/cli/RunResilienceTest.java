package dev.uintr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 12: run never ends in exit 70 for the user's own mistakes, goes on after a failing stage, marks partial runs. */
class RunResilienceTest {

    /** A stage body. */
    @FunctionalInterface
    private interface Body {
        int run(RunContext ctx) throws Exception;
    }

    private static RunStage stage(String name, Body body) {
        return new RunStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int run(RunContext ctx) throws Exception {
                return body.run(ctx);
            }
        };
    }

    private static CliRunner.Result run(List<RunStage> stages, String... args) {
        CommandLine cl = Main.newCommandLine();
        CommandLine sub = cl.getSubcommands().get("run");
        CommandLine custom = new CommandLine(new RunCommand(stages));
        custom.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        custom.getCommandSpec().exitCodeOnInvalidInput(sub.getCommandSpec().exitCodeOnInvalidInput());
        StringWriter out = new StringWriter(), err = new StringWriter();
        custom.setOut(new PrintWriter(out, true));
        custom.setErr(new PrintWriter(err, true));
        return new CliRunner.Result(custom.execute(args), out.toString(), err.toString());
    }

    private static Path onlyRun(Path reports) throws Exception {
        try (var s = Files.list(reports.resolve("runs"))) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void aFullDiskInOneStage_isBadInput_andTheOtherStagesStillRun(@TempDir Path reports) throws Exception {
        List<String> ran = new ArrayList<>();
        CliRunner.Result r = run(List.of(
                stage("one", ctx -> {
                    ran.add("one");
                    dev.uintr.report.AtomicFiles.write(ctx.folder().file("x.csv"), w -> {
                        throw new java.io.IOException("No space left on device");
                    });
                    return 0;
                }),
                stage("two", ctx -> {
                    ran.add("two");
                    throw new IllegalStateException("a bug");
                }),
                stage("three", ctx -> {
                    ran.add("three");
                    return 0;
                })), "--reports", reports.toString());
        assertEquals(List.of("one", "two", "three"), ran);
        assertEquals(70, r.exitCode(), "the bug in stage two is an internal error; " + r.err());
        String summary = Files.readString(onlyRun(reports).resolve("summary.csv"));
        assertTrue(summary.contains("one,BAD-INPUT,2,"), summary);
        assertTrue(summary.contains("No space left on device"), summary);
        assertTrue(summary.contains("three,PASS,0,"), summary);
        assertTrue(summary.contains("\nrun,ERROR,70,"), summary);
        assertFalse(summary.contains("PARTIAL"), summary);
    }

    @Test
    void whileAStageRuns_theSummarySaysTheRunIsPartial(@TempDir Path reports) throws Exception {
        List<String> seen = new ArrayList<>();
        CliRunner.Result r = run(List.of(
                stage("first", ctx -> 0),
                stage("second", ctx -> {
                    seen.add(Files.readString(ctx.folder().file("summary.csv")));
                    return 0;
                }),
                stage("third", ctx -> 0)), "--reports", reports.toString());
        assertEquals(0, r.exitCode(), r.err());
        String during = seen.get(0);
        assertTrue(during.contains("first,PASS,0,"), during);
        assertTrue(during.contains("second,RUNNING,"), during);
        assertTrue(during.contains("third,NOT-RUN,"), during);
        assertTrue(during.contains("\nrun,PARTIAL,"), during);
        String after = Files.readString(onlyRun(reports).resolve("summary.csv"));
        assertTrue(after.contains("\nrun,PASS,0,"), after);
        assertFalse(after.contains("RUNNING") || after.contains("NOT-RUN") || after.contains("PARTIAL"), after);
    }

    @Test
    void reportsNamingAFile_orNothing_isExit2_andNothingIsCreated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "mine");
        CliRunner.Result r = CliRunner.run("run", "--quick", "--reports", file.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--reports"), r.err());
        assertEquals("mine", Files.readString(file));
        CliRunner.Result empty = CliRunner.run("run", "--quick", "--reports", "");
        assertEquals(2, empty.exitCode(), empty.out() + empty.err());
        assertFalse(Files.exists(Path.of("runs")), "--reports '' must not write runs/ into the current folder");
        CliRunner.Result bench = CliRunner.run("bench", "--reports", file.toString());
        assertEquals(2, bench.exitCode(), bench.out() + bench.err());
    }

    @Test
    void aStageThrowingBadInput_isBadInputInTheSummary(@TempDir Path reports) throws Exception {
        CliRunner.Result r = run(List.of(stage("a", ctx -> {
            throw new BadInputException("f.csv:3: bad");
        }), stage("b", ctx -> 0)), "--reports", reports.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(Files.readString(onlyRun(reports).resolve("summary.csv")).contains("a,BAD-INPUT,2,"));
    }
}
