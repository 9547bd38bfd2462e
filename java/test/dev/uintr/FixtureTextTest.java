package dev.uintr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.cli.CliRunner;
import dev.uintr.explore.ScenarioParser;
import dev.uintr.fixture.ErrnoFixture;
import dev.uintr.fixture.VectorParser;
import dev.uintr.program.CaseParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: every fixture reader treats a file the same way: a UTF-8 byte-order mark is
 * dropped by all, a non-UTF-8 byte is named by file, line and byte, a folder or a device is
 * exit 2 saying what it is, and comment lines are never read as fields.
 */
class FixtureTextTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One shipped file of each of the four formats, and the reader that takes it. */
    private record Format(Path file, Consumer<Path> reader) {}

    private static List<Format> formats() {
        Path f = Path.of("fixtures");
        return List.of(
                new Format(f.resolve("isa/senduipi.csv"), VectorParser::parseFile),
                new Format(f.resolve("kernel/errno-later.csv"), ErrnoFixture::read),
                new Format(f.resolve("cases/uif.case"), CaseParser::parse),
                new Format(f.resolve("scenarios/ping-pong.txt"), ScenarioParser::parse));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aByteOrderMark_isAcceptedByEveryReader(@TempDir Path dir) throws Exception {
        for (Format fm : formats()) {
            Path copy = dir.resolve(fm.file().getFileName());
            Files.write(copy, concat(BOM, Files.readAllBytes(fm.file())));
            fm.reader().accept(copy);                           // no exception: read as without the mark
        }
    }

    @Test
    void aNonUtf8Byte_isNamedByFileLineAndByte_inEveryReader(@TempDir Path dir) throws Exception {
        for (Format fm : formats()) {
            List<String> lines = Files.readAllLines(fm.file(), StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                head.append(lines.get(i)).append('\n');
            }
            byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] bad = concat(before, new byte[] {'a', 'b', (byte) 0xFF, 'c', '\n'});
            Path copy = dir.resolve(fm.file().getFileName());
            Files.write(copy, bad);
            BadInputException e = assertThrows(BadInputException.class, () -> fm.reader().accept(copy), fm.file().toString());
            assertTrue(e.getMessage().startsWith(copy + ":3: not UTF-8: byte 0xFF at byte 3 of the line"), e.getMessage());
        }
    }

    @Test
    void aFolderGivenAsAFile_isSaidSo(@TempDir Path dir) {
        for (Format fm : formats()) {
            BadInputException e = assertThrows(BadInputException.class, () -> fm.reader().accept(dir));
            assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devNull_isAnEmptyFile_notAMissingOne() {
        for (Format fm : formats()) {
            try {
                fm.reader().accept(Path.of("/dev/null"));       // an empty case file has no cases: fine
            } catch (BadInputException e) {
                assertFalse(e.getMessage().contains("no such file"), e.getMessage());
            }
        }
        CliRunner.Result r = CliRunner.run("isa", "check", "/dev/null");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("empty file"), r.err());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEndlessDevice_stopsAtTheSizeLimit() {
        BadInputException e = assertThrows(BadInputException.class, () -> FixtureText.read(Path.of("/dev/zero")));
        assertTrue(e.getMessage().contains("16 MiB"), e.getMessage());
    }

    @Test
    void commentLines_inIsaVectors_areNotFields(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "# vectors of my own, with a comma, here\nid,op,arg,in,expect\n# another, comment\n"
                + "r1,CLUI,,uif=1,uif=0 fault=none\n");
        assertEquals(1, VectorParser.parseFile(f).size());
    }

    @Test
    void isaCheckOnAnEmptyFolder_isNothingToCheck_exit4(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("isa", "check", dir.toString());
        assertEquals(4, r.exitCode(), r.out() + r.err());
    }

    @Test
    void lines_splitLfAndCrlf() {
        assertEquals(List.of("a", "b", "", "c"), FixtureText.lines("a\r\nb\n\nc"));
        assertEquals(List.of("a"), FixtureText.lines("a\n"));
        assertEquals("x", FixtureText.decode("f", concat(BOM, new byte[] {'x'})));
    }

    @Test
    void aFolderThatCannotBeListed_isBadInputNamingIt(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("f"), "x");
        BadInputException e = assertThrows(BadInputException.class, () -> FixtureText.list(notAFolder, n -> true));
        assertTrue(e.getMessage().startsWith(notAFolder + ": cannot list the folder"), e.getMessage());
    }
}
