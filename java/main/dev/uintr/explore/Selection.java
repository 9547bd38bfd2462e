package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.BadInputException;
import dev.uintr.kernel.BlockingDesign;
import java.util.ArrayList;
import java.util.List;

/** Turns the command line's "NAME|all" choices into lists, naming the option in any error. */
public final class Selection {
    private Selection() {}

    public static List<BlockingDesign> designs(String text) {
        if (text == null || text.equals("all")) {
            return List.of(BlockingDesign.values());
        }
        try {
            return List.of(BlockingDesign.parse(text));
        } catch (BadInputException e) {
            throw new BadInputException("--design: " + e.getMessage() + " or all");
        }
    }

    public static List<AbiProfile> profiles(String text) {
        if (text == null || text.equals("all")) {
            return List.of(AbiProfile.RFC_V1, AbiProfile.LATER);
        }
        AbiProfile p;
        try {
            p = AbiProfile.parse(text);
        } catch (BadInputException e) {
            throw new BadInputException("--profile: unknown ABI profile '" + text + "' (expected rfc-v1, later or all)");
        }
        if (p == AbiProfile.NONE) {
            throw new BadInputException("--profile: 'none' has no uintr kernel to explore (expected rfc-v1, later or all)");
        }
        return List.of(p);
    }

    public static List<Scenario> scenarios(List<Scenario> all, String text) {
        if (text == null || text.equals("all")) {
            return all;
        }
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : all) {
            if (s.name().equals(text)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            List<String> names = all.stream().map(Scenario::name).toList();
            throw new BadInputException("--scenario: unknown scenario '" + text + "' (known: " + String.join(", ", names)
                    + ", or all)");
        }
        return out;
    }
}
