package dev.uintr.isa.vectors;

import dev.uintr.BadInputException;
import dev.uintr.isa.Fault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ISA vector files (spec/isa-vectors.md). Anything malformed is a {@link BadInputException}
 * whose message is "FILE:LINE: what is wrong", naming the bad item.
 */
public final class VectorParser {
    private static final List<String> COLUMNS = List.of("id", "op", "arg", "in", "expect");
    private static final Pattern MEM = Pattern.compile("(m64|m8)\\[([^\\]]*)\\]");
    private static final Pattern RANGE = Pattern.compile("([^-]+)-([^-]+)");
    private static final Pattern IPI = Pattern.compile("([^@]+)@([^@]+)");

    /** Most 4-KiB pages the map= items of one row may map together (4 MiB): the emulator backs each one. */
    public static final long MAX_MAPPED_PAGES = 1024;

    private VectorParser() {}

    /** Reads and parses {@code path}; the file is named as {@code path} was given. */
    public static List<VectorRow> parseFile(Path path) {
        return parse(path.toString(), dev.uintr.FixtureText.read(path));
    }

    /** Parses the text of a vector file. */
    public static List<VectorRow> parse(String file, String text) {
        List<CsvRecords.Record> records = CsvRecords.parse(file, text);
        if (records.isEmpty()) {
            throw BadInputException.at(file, 1, "empty file: expected the header id,op,arg,in,expect");
        }
        CsvRecords.Record header = records.get(0);
        int[] col = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            col[c] = -1;
            for (int h = 0; h < header.fields().size(); h++) {
                if (header.fields().get(h).trim().equals(COLUMNS.get(c))) {
                    col[c] = h;
                }
            }
            if (col[c] < 0) {
                throw BadInputException.at(file, header.line(), "header lacks column '" + COLUMNS.get(c)
                        + "' (expected id,op,arg,in,expect, got " + String.join(",", header.fields()) + ")");
            }
        }
        List<VectorRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            if (r.fields().size() != header.fields().size()) {
                throw BadInputException.at(file, r.line(), "expected " + header.fields().size() + " fields, got "
                        + r.fields().size() + " (quote a field that contains a comma)");
            }
            String id = r.fields().get(col[0]).trim();
            if (id.isEmpty()) {
                throw BadInputException.at(file, r.line(), "empty id");
            }
            if (!ids.add(id)) {
                throw BadInputException.at(file, r.line(), "duplicate id '" + id + "'");
            }
            rows.add(row(file, r.line(), id, r.fields().get(col[1]).trim(), r.fields().get(col[2]).trim(),
                    r.fields().get(col[3]), r.fields().get(col[4])));
        }
        return rows;
    }

    private static VectorRow row(String file, int line, String id, String opText, String arg, String in, String expect) {
        VectorOp op = VectorOp.of(opText.toUpperCase(java.util.Locale.ROOT));
        if (op == null) {
            throw BadInputException.at(file, line, "row " + id + ": unknown op '" + opText + "' (expected one of "
                    + java.util.Arrays.toString(VectorOp.values()) + ")");
        }
        long argValue = 0;
        long wrmsrValue = 0;
        switch (op) {
            case SENDUIPI:
            case RDMSR:
            case XSAVES:
            case XRSTORS:
                argValue = number(file, line, id, "arg", arg);
                break;
            case NOTIFY:
                argValue = number(file, line, id, "arg", arg);
                if (Long.compareUnsigned(argValue, 255) > 0) {
                    throw bad(file, line, id, "arg", arg, "a vector is 0..255");
                }
                break;
            case WRMSR: {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw bad(file, line, id, "arg", arg, "WRMSR takes msr=value, e.g. 0x988=0xEC00000003");
                }
                argValue = number(file, line, id, "arg", arg.substring(0, eq));
                wrmsrValue = number(file, line, id, "arg", arg.substring(eq + 1));
                break;
            }
            default:
                if (!arg.isEmpty()) {
                    throw bad(file, line, id, "arg", arg, op + " takes no argument (leave arg empty)");
                }
        }
        RowState state = parseIn(file, line, id, in);
        RowExpectation exp = parseExpect(file, line, id, expect);
        return new VectorRow(file, line, id, op, arg, argValue, wrmsrValue, state, exp);
    }

    private static RowState parseIn(String file, int line, String id, String text) {
        Map<StateKey, Long> regs = new EnumMap<>(StateKey.class);
        List<long[]> maps = new ArrayList<>();
        List<MemItem> mem = new ArrayList<>();
        long pages = 0;
        for (String item : items(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw bad(file, line, id, "in", item, "expected key=value");
            }
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            if (key.equals("map")) {
                Matcher m = RANGE.matcher(value);
                if (!m.matches()) {
                    throw bad(file, line, id, "in", item, "expected map=START-END");
                }
                long start = number(file, line, id, "in", m.group(1));
                long end = number(file, line, id, "in", m.group(2));
                if (Long.compareUnsigned(start, end) > 0) {
                    throw bad(file, line, id, "in", item, "START is above END");
                }
                pages += (end >>> 12) - (start >>> 12) + 1;        // unsigned: START <= END checked above
                if (pages < 0 || pages > MAX_MAPPED_PAGES) {
                    throw bad(file, line, id, "in", item, "maps more than " + MAX_MAPPED_PAGES
                            + " pages (4 MiB) in one row; map only the pages the step touches");
                }
                maps.add(new long[] {start, end});
                continue;
            }
            if (memoryItem(file, line, id, "in", item, key, value, mem)) {
                continue;
            }
            stateItem(file, line, id, "in", item, key, value, regs);
        }
        return new RowState(regs, maps, mem);
    }

    private static RowExpectation parseExpect(String file, int line, String id, String text) {
        Fault fault = null;
        Map<StateKey, Long> regs = new EnumMap<>(StateKey.class);
        List<MemItem> mem = new ArrayList<>();
        List<Ipi> ipis = new ArrayList<>();
        Integer idt = null;
        Long rdmsr = null;
        for (String item : items(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw bad(file, line, id, "expect", item, "expected key=value");
            }
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            switch (key) {
                case "fault":
                    if (fault != null) {
                        throw bad(file, line, id, "expect", item, "fault given twice");
                    }
                    fault = faultOf(value.equals("none") ? value : value.toUpperCase(java.util.Locale.ROOT));
                    if (fault == null) {
                        throw bad(file, line, id, "expect", item, "fault is none, UD, GP, SS or PF");
                    }
                    break;
                case "ipi": {
                    Matcher m = IPI.matcher(value);
                    if (!m.matches()) {
                        throw bad(file, line, id, "expect", item, "expected ipi=VECTOR@DEST");
                    }
                    long v = number(file, line, id, "expect", m.group(1));
                    if (Long.compareUnsigned(v, 255) > 0) {
                        throw bad(file, line, id, "expect", item, "a vector is 0..255");
                    }
                    ipis.add(new Ipi((int) v, number(file, line, id, "expect", m.group(2))));
                    break;
                }
                case "idt": {
                    long v = number(file, line, id, "expect", value);
                    if (Long.compareUnsigned(v, 255) > 0 || idt != null) {
                        throw bad(file, line, id, "expect", item, idt != null ? "idt given twice" : "a vector is 0..255");
                    }
                    idt = (int) v;
                    break;
                }
                case "rdmsr":
                    if (rdmsr != null) {
                        throw bad(file, line, id, "expect", item, "rdmsr given twice");
                    }
                    rdmsr = number(file, line, id, "expect", value);
                    break;
                case "map":
                    throw bad(file, line, id, "expect", item, "a step cannot change what is mapped");
                default:
                    if (!memoryItem(file, line, id, "expect", item, key, value, mem)) {
                        stateItem(file, line, id, "expect", item, key, value, regs);
                    }
            }
        }
        if (fault == null) {
            throw BadInputException.at(file, line, "row " + id + ": expect lacks fault=none|UD|GP|SS|PF");
        }
        return new RowExpectation(fault, regs, mem, ipis, idt, rdmsr);
    }

    private static boolean memoryItem(String file, int line, String id, String column, String item, String key,
            String value, List<MemItem> mem) {
        Matcher m = MEM.matcher(key);
        if (!m.matches()) {
            return false;
        }
        long addr = number(file, line, id, column, m.group(2));
        if (m.group(1).equals("m64")) {
            mem.add(MemItem.quadword(addr, number(file, line, id, column, value)));
            return true;
        }
        if (value.isEmpty() || value.length() % 2 != 0 || !value.matches("[0-9a-fA-F]+")) {
            throw bad(file, line, id, column, item, "m8 takes an even number of hex digits, bytes in memory order");
        }
        byte[] b = new byte[value.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(value.substring(2 * i, 2 * i + 2), 16);
        }
        mem.add(new MemItem(addr, b));
        return true;
    }

    private static void stateItem(String file, int line, String id, String column, String item, String key,
            String value, Map<StateKey, Long> regs) {
        StateKey k = StateKey.of(key);
        if (k == null) {
            throw bad(file, line, id, column, item, "unknown key '" + key + "'");
        }
        Long v = k.parse(value);
        if (v == null) {
            throw bad(file, line, id, column, item, k == StateKey.MODE ? "mode is 64 or compat"
                    : k.max == -1 ? "not a number (hex with 0x, or decimal)" : "not a number in 0.." + k.format(k.max));
        }
        if (regs.put(k, v) != null) {
            throw bad(file, line, id, column, item, key + " given twice");
        }
    }

    private static Fault faultOf(String text) {
        switch (text) {
            case "none": return Fault.NONE;
            case "UD": return Fault.UD;
            case "GP": return Fault.GP;
            case "SS": return Fault.SS;
            case "PF": return Fault.PF;
            default: return null;
        }
    }

    private static long number(String file, int line, String id, String column, String text) {
        Long v = Numbers.parse(text.trim());
        if (v == null) {
            throw BadInputException.at(file, line, "row " + id + ": " + column + ": '" + text
                    + "' is not a number (hex with 0x, or decimal)");
        }
        return v;
    }

    private static BadInputException bad(String file, int line, String id, String column, String item, String why) {
        return BadInputException.at(file, line, "row " + id + ": " + column + ": bad item '" + item + "': " + why);
    }

    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
