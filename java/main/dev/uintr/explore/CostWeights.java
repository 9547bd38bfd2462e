package dev.uintr.explore;

import dev.uintr.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable weights (cycles per event) that turn the model's exact counts into an estimated
 * cost per wake (fixtures/costs/weights.txt; format there). Every weight must be given once,
 * with its source; a mistake is "FILE:LINE: what" (exit code 2).
 *
 * @param cycles  weight name → cycles
 * @param sources weight name → the source text of its line
 * @param file    where they came from
 */
public record CostWeights(Map<String, Long> cycles, Map<String, String> sources, String file) {
    /** The weights the estimate uses, in file order. */
    public static final List<String> NAMES = List.of("ipi_send", "ipi_receive", "syscall", "gp_fault", "wait_list_entry");

    public static CostWeights load(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the cost weights: " + e.getMessage(), e);
        }
    }

    public static CostWeights parse(String file, List<String> lines) {
        Map<String, Long> cycles = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int ln = 1; ln <= lines.size(); ln++) {
            String raw = lines.get(ln - 1);
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split("\\s+", 3);
            if (!NAMES.contains(w[0])) {
                throw BadInputException.at(file, ln, "unknown weight '" + w[0] + "' (expected " + String.join(", ", NAMES) + ")");
            }
            if (w.length < 3) {
                throw BadInputException.at(file, ln, w[0] + " needs 'NAME CYCLES SOURCE' (say where the number comes from)");
            }
            long c;
            try {
                c = Long.parseLong(w[1]);
            } catch (NumberFormatException e) {
                throw BadInputException.at(file, ln, w[0] + ": cycles '" + w[1] + "' is not a whole number");
            }
            if (c < 0) {
                throw BadInputException.at(file, ln, w[0] + ": cycles must not be negative, was " + c);
            }
            if (cycles.put(w[0], c) != null) {
                throw BadInputException.at(file, ln, w[0] + " given twice");
            }
            sources.put(w[0], w[2].trim());
        }
        for (String n : NAMES) {
            if (!cycles.containsKey(n)) {
                throw BadInputException.at(file, lines.size(), "weight '" + n + "' missing");
            }
        }
        return new CostWeights(Map.copyOf(cycles), Map.copyOf(sources), file);
    }

    public long get(String name) {
        return cycles.get(name);
    }

    /** Estimated cycles for one ending's counter differences (Counters.NAMES order), per the formula in the weights file. */
    public long estimate(WakeCosts.Delta d) {
        long wakeIpis = d.get("wake_ipis");
        return get("ipi_send") * (d.get("ipis_sent") + wakeIpis)
                + get("ipi_receive") * (d.get("spurious_0xec") + d.get("kernel_0xeb") + d.get("affinity_interrupts") + wakeIpis)
                + get("syscall") * d.get("syscalls")
                + get("gp_fault") * d.get("gp_fixups")
                + get("wait_list_entry") * d.get("wait_list_walked");
    }
}
