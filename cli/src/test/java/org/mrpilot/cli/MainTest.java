package org.mrpilot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainTest {
    /** A command that echoes its options, or fails the way it is told to. */
    static final class Echo implements Command {
        public String name() {
            return "echo";
        }

        public String summary() {
            return "echo options";
        }

        public String usage() {
            return "[--n N] [--fail usage|runtime]";
        }

        public int run(Args args) {
            String fail = args.string("fail", "");
            long n = args.longValue("n", 1);
            args.done();
            if (fail.equals("usage")) throw new UsageException("bad usage");
            if (fail.equals("runtime")) throw new IllegalStateException("the thing broke");
            System.out.println("n=" + n);
            return 0;
        }
    }

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... argv) {
        return new Main(List.of(new Echo())).run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void errorsAreOneLineWithExitCodes() {
        assertEquals(2, run("nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'nope'"));
        err.reset();
        assertEquals(2, run("echo", "--fail", "usage"));
        assertEquals("mrpilot echo: bad usage (see ./mrpilot echo --help)\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(1, run("echo", "--fail", "runtime"));
        assertEquals("mrpilot echo: the thing broke\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(1, run("echo", "--fail", "runtime", "--debug"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\tat "), "--debug prints the stack trace");
        err.reset();
        assertEquals(2, run("echo", "--tpyo", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --tpyo"));
    }

    @Test
    void helpListsCommandsAndUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("echo       echo options"));
        out.reset();
        assertEquals(0, run("echo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: ./mrpilot echo [--n N]"));
    }

    @Test
    void argsParseOptionsFlagsAndLists() {
        Args a = Args.parse(List.of("in.nii", "--times", "0.1, 0.2,0.3", "--list", "--o=dir", "--n", "-5"), Set.of("list"));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, a.doubles("times"));
        assertTrue(a.flag("list"));
        assertEquals("dir", a.string("o", null));
        assertEquals(-5, a.longValue("n", 0));
        assertEquals(List.of("in.nii"), a.positionals());
        a.done();
        assertThrows(UsageException.class, () -> Args.parse(List.of("--n", "x"), Set.of()).longValue("n", 0));
        assertThrows(UsageException.class, () -> Args.parse(List.of("--n"), Set.of()));
    }

    @Test
    void progressPrintsDecilesWhenNotOnATerminal() {
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        try (Progress p = new Progress("work", 100, new PrintStream(bar, true, StandardCharsets.UTF_8), false)) {
            for (int i = 0; i < 100; i++) p.step();
        }
        String text = bar.toString(StandardCharsets.UTF_8);
        assertEquals(11, text.lines().count(), text);
        assertTrue(text.lines().reduce((a, b) -> b).orElseThrow().contains("100/100"));
    }

    @Test
    void tablesAlignColumns() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        new Table("name", "value").row("a", 1.5).row("longer", 1234.5).print(new PrintStream(t, true, StandardCharsets.UTF_8));
        assertEquals("""
                name       value
                ------  --------
                a          1.500
                longer  1.23e+03
                """, t.toString(StandardCharsets.UTF_8));
    }
}
