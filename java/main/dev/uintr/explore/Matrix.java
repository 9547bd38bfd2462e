package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.kernel.BlockingDesign;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario × profile × design matrix of a comparison in its fixed order (scenarios as
 * loaded, i.e. by file name; profiles and designs as given), and the deterministic slices of it
 * that {@code explore --shard I/N} runs: cell k (from 0) belongs to shard (k mod N) + 1, so the
 * n/a cells and the large scenarios spread over the shards, and the N shards together are the
 * whole matrix, each cell once.
 */
public final class Matrix {
    private static final Pattern SHARD = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    private Matrix() {}

    /** One (scenario, profile, design) of the comparison. */
    public record Cell(Scenario scenario, AbiProfile profile, BlockingDesign design) {}

    /** A slice: shard {@code index} of {@code count} (1-based, as on the command line). */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(1, 1);

        /** "I/N" with 1 ≤ I ≤ N; anything else is bad input naming --shard. */
        public static Shard parse(String text) {
            Matcher m = SHARD.matcher(text == null ? "" : text.trim());
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                int n = Integer.parseInt(m.group(2));
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            }
            throw new BadInputException("--shard: expected I/N with 1 <= I <= N (e.g. 2/4), was '" + text + "'");
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /**
     * Every cell in order; a profile the scenario does not list is left out (it is no row of the
     * comparison), a pair {@link World#notApplicable} rejects is kept (an n/a row).
     */
    public static List<Cell> cells(List<Scenario> scenarios, List<AbiProfile> profiles, List<BlockingDesign> designs) {
        List<Cell> out = new ArrayList<>();
        for (Scenario sc : scenarios) {
            for (AbiProfile p : profiles) {
                if (!sc.profiles().contains(p)) {
                    continue;
                }
                for (BlockingDesign d : designs) {
                    out.add(new Cell(sc, p, d));
                }
            }
        }
        return out;
    }

    public static List<Cell> shard(List<Cell> cells, Shard s) {
        List<Cell> out = new ArrayList<>();
        for (int k = s.index() - 1; k < cells.size(); k += s.count()) {
            out.add(cells.get(k));
        }
        return out;
    }
}
