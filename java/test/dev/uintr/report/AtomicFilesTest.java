package dev.uintr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: report files get the permissions of any new file (the umask's), writes never lose or replace others' files. */
class AtomicFilesTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void reportFiles_getTheUmasksPermissions_notOwnerOnly(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        AtomicFiles.writeString(dir.resolve("a.csv"), "x\n");
        AtomicFiles.writeBytes(dir.resolve("b.png"), new byte[] {1});
        AtomicFiles.writeNew(dir.resolve("c.csv"), w -> w.write("y"));
        for (String f : new String[] {"a.csv", "b.png", "c.csv"}) {
            assertEquals(expected, Files.getPosixFilePermissions(dir.resolve(f)), f);
        }
    }

    @Test
    void writeNew_neverReplaces(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.csv");
        Files.writeString(f, "keep");
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.writeNew(f, w -> w.write("new")));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
        assertEquals("keep", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aWriteThatFails_isBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f");
        Files.writeString(file, "");
        Path under = file.resolve("x.csv");                     // a file used as a folder
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.writeString(under, "x"));
        assertTrue(e.getMessage().contains(under.toString()), e.getMessage());
    }

    @Test
    void aWriteErrorMidFile_likeAFullDisk_isBadInputNamingTheFile_andLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("latency.csv");
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.write(target, w -> {
            w.write("half a row");
            throw new java.io.IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("No space left on device"),
                e.getMessage());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
