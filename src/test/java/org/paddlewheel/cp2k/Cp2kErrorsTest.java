package org.paddlewheel.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.Main;

/** The {@code dft} commands' failures: one line, exit status 2, and no output written. */
class Cp2kErrorsTest {
    @TempDir
    Path tmp;

    static String[] runCapturingStderr(int[] rc, String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            rc[0] = Main.run(args);
        } finally {
            System.setErr(old);
        }
        return buf.toString().strip().split("\n");
    }

    @Test
    void missingCp2kNamesTheDebianPackages() throws Exception {
        Path in = tmp.resolve("h2.extxyz");
        Files.writeString(in, "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nH 1.6 2 2\nH 2.4 2 2\n");
        String old = System.getProperty("paddlewheel.cp2k.path");
        System.setProperty("paddlewheel.cp2k.path", tmp.resolve("nothing-here").toString());
        try {
            int[] rc = new int[1];
            String[] err = runCapturingStderr(rc, "dft", "single-point", in.toString(), "-o", tmp.resolve("out").toString());
            assertEquals(2, rc[0]);
            assertEquals(1, err.length, String.join("\n", err));
            assertTrue(err[0].contains("apt-get install cp2k cp2k-data"), err[0]);
            assertFalse(Files.exists(tmp.resolve("out/single-points.extxyz")));
        } finally {
            if (old == null) System.clearProperty("paddlewheel.cp2k.path"); else System.setProperty("paddlewheel.cp2k.path", old);
        }
    }

    @Test
    void aBadStructureFileIsOneLineWithItsLine() throws Exception {
        Path in = tmp.resolve("bad.extxyz");
        Files.writeString(in, "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nH 1.6 2 2\nH 2.4 x 2\n");
        int[] rc = new int[1];
        String[] err = runCapturingStderr(rc, "dft", "single-point", in.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, rc[0]);
        assertEquals(1, err.length, String.join("\n", err));
        assertTrue(err[0].contains("bad.extxyz:4"), err[0]);
        assertFalse(Files.exists(tmp.resolve("out/single-points.extxyz")));
    }
}
