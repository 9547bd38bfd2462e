package dev.uintr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.uintr.explore.ScenarioParser;
import dev.uintr.program.CaseParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case and scenario files share one reader: the same comment, error and missing-folder rules. */
class DirectiveFileTest {
    @TempDir
    Path tmp;

    @Test
    void comments_wholeLine_trailing_notInsideWordsOrQuotes() {
        List<DirectiveFile.Line> l = DirectiveFile.lines("# head\n\ncite §7.5 #GP fixup   # why\n"
                + "outcome \"a # b\" ACCEPTABLE \"x\"  #\r\n   #indented comment\nlast#");
        assertEquals(List.of(new DirectiveFile.Line(3, "cite §7.5 #GP fixup"),
                new DirectiveFile.Line(4, "outcome \"a # b\" ACCEPTABLE \"x\""),
                new DirectiveFile.Line(6, "last#")), l);
    }

    @Test
    void missingFolder_isBadInputNamingIt_forCasesAndScenarios() {
        Path none = tmp.resolve("none");
        BadInputException c = assertThrows(BadInputException.class, () -> CaseParser.loadDir(none));
        BadInputException s = assertThrows(BadInputException.class, () -> ScenarioParser.loadAll(none));
        assertEquals(none + ": no such case folder", c.getMessage());
        assertEquals(none + ": no such scenario folder", s.getMessage());
    }

    @Test
    void missingFile_isBadInputNamingIt() {
        BadInputException e = assertThrows(BadInputException.class, () -> CaseParser.parse(tmp.resolve("x.case")));
        assertEquals(tmp.resolve("x.case") + ": no such file", e.getMessage());
    }

    @Test
    void aTrailingCommentWorksInBothFormats() {
        String scenario = "scenario s\ncpus 1   # one CPU\nprofiles later\ntask rx cpu=0 vector=3\nactor rx: wait\n";
        assertEquals(1, ScenarioParser.parse("s.txt", scenario).cpus());
        String cases = "case a.b   # the case\nprofiles later\nthread t: stui\noutcome * ACCEPTABLE \"ok\"\n";
        assertEquals("a.b", CaseParser.parse("c.case", cases).get(0).name());
    }
}
