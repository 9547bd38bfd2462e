package dev.uintr.nat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a shared library's bytes before JNA may map it: a truncated copy (a partial
 * {@code cp}) makes the dynamic loader touch pages past the end of the file and the JVM dies of
 * SIGBUS, on every command. So the loader only loads a file that is a complete x86-64 ELF shared
 * object (every program segment and the section header table inside the file) and that exports
 * every function the harness will call. Pure: works on bytes, names what is wrong.
 */
final class ElfCheck {
    /** The largest library the loader reads to check it (the shim is about 100 KiB). */
    static final int MAX_BYTES = 64 << 20;

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int SHN_UNDEF = 0;
    private static final int STT_FUNC = 2;

    private ElfCheck() {}

    /** Null when {@code elf} is a complete x86-64 shared object exporting every name in {@code functions}; else why not. */
    static String problem(byte[] elf, Set<String> functions) {
        try {
            return check(elf, functions);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return "damaged ELF file (a table points outside the file's " + elf.length + " bytes)";
        }
    }

    /** The functions a library that passed {@link #problem} exports. */
    static Set<String> exported(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        Set<String> s = exportedFunctions(elf, b, b.getLong(40), b.getShort(60) & 0xFFFF, b.getShort(58) & 0xFFFF);
        return s == null ? Set.of() : Set.copyOf(s);
    }

    private static String check(byte[] elf, Set<String> functions) {
        if (elf.length < 64) {
            return "file has " + elf.length + " bytes, too short for an ELF header (a partial copy?)";
        }
        if (elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
            return "not an ELF file (no \\x7fELF magic)";
        }
        if (elf[4] != 2 || elf[5] != 1) {
            return "not a 64-bit little-endian ELF file";
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getShort(16) != 3) {
            return "not a shared object (ELF type " + b.getShort(16) + ")";
        }
        if (b.getShort(18) != 0x3E) {
            return "not built for x86-64 (ELF machine " + b.getShort(18) + ")";
        }
        long phoff = b.getLong(32);
        long shoff = b.getLong(40);
        int phentsize = b.getShort(54) & 0xFFFF;
        int phnum = b.getShort(56) & 0xFFFF;
        int shentsize = b.getShort(58) & 0xFFFF;
        int shnum = b.getShort(60) & 0xFFFF;
        if (phnum == 0 || phentsize < 56 || !inside(elf, phoff, (long) phnum * phentsize)) {
            return truncated(elf, "program header table");
        }
        boolean dynamic = false;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            int type = b.getInt(ph);
            long offset = b.getLong(ph + 8);
            long filesz = b.getLong(ph + 32);
            if ((type == PT_LOAD || type == PT_DYNAMIC) && !inside(elf, offset, filesz)) {
                return truncated(elf, "segment " + i + " (bytes " + offset + ".." + (offset + filesz) + ")");
            }
            dynamic |= type == PT_DYNAMIC;
        }
        if (!dynamic) {
            return "no dynamic segment: not a shared library";
        }
        if (shnum == 0 || shentsize < 64 || !inside(elf, shoff, (long) shnum * shentsize)) {
            return truncated(elf, "section header table");
        }
        Set<String> exported = exportedFunctions(elf, b, shoff, shnum, shentsize);
        if (exported == null) {
            return "no dynamic symbol table";
        }
        Set<String> missing = new java.util.TreeSet<>(functions);
        missing.removeAll(exported);
        if (!missing.isEmpty()) {
            return "lacks function" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " (a library from another build: rebuild with mvn package)";
        }
        return null;
    }

    private static Set<String> exportedFunctions(byte[] elf, ByteBuffer b, long shoff, int shnum, int shentsize) {
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) != SHT_DYNSYM) {
                continue;
            }
            long off = b.getLong(sh + 24);
            long size = b.getLong(sh + 32);
            int link = b.getInt(sh + 40);
            long entsize = b.getLong(sh + 56);
            if (!inside(elf, off, size) || entsize < 24 || link <= 0 || link >= shnum) {
                return Set.of();
            }
            int str = (int) (shoff + (long) link * shentsize);
            long strOff = b.getLong(str + 24);
            long strSize = b.getLong(str + 32);
            if (!inside(elf, strOff, strSize)) {
                return Set.of();
            }
            Set<String> out = new HashSet<>();
            for (long s = off; s + entsize <= off + size; s += entsize) {
                int name = b.getInt((int) s);
                int info = elf[(int) s + 4] & 0xFF;
                int shndx = b.getShort((int) s + 6) & 0xFFFF;
                if ((info & 0xF) == STT_FUNC && shndx != SHN_UNDEF && name >= 0 && name < strSize) {
                    out.add(cString(elf, (int) (strOff + name), (int) (strOff + strSize)));
                }
            }
            return out;
        }
        return null;
    }

    private static String cString(byte[] elf, int from, int limit) {
        int end = from;
        while (end < limit && elf[end] != 0) {
            end++;
        }
        return new String(elf, from, end - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean inside(byte[] elf, long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= elf.length && length <= elf.length - offset;
    }

    private static String truncated(byte[] elf, String what) {
        return "truncated or damaged: the " + what + " lies beyond the file's " + elf.length
                + " bytes (a partial copy? rebuild with mvn package)";
    }
}
