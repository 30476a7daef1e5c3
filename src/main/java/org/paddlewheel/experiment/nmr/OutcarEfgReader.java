package org.paddlewheel.experiment.nmr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paddlewheel.model.InputException;

/**
 * Reads the EFG tensors that VASP (LEFG = .TRUE.) prints in OUTCAR: the last block headed
 * {@code Electric field gradients (V/A^2)}, one row per ion with V_xx V_yy V_zz V_xy V_xz V_yz in
 * V/Å². Element symbols come from the {@code TITEL}/{@code VRHFIN} lines and {@code ions per type},
 * when present (null otherwise).
 */
public final class OutcarEfgReader {
    private OutcarEfgReader() {}

    /** One ion's tensor: 1-based ion index, element symbol (or null), tensor. */
    public record IonEfg(int ion, String element, EfgTensor tensor) {}

    private static final Pattern VRHFIN = Pattern.compile("VRHFIN\\s*=\\s*([A-Za-z]+)");
    private static final Pattern TITEL = Pattern.compile("TITEL\\s*=\\s*\\S+\\s+([A-Za-z]+)");

    /** Reads every ion's EFG from {@code file}. */
    public static List<IonEfg> read(Path file) throws IOException {
        return parse(file.toString(), org.paddlewheel.io.CompressedInput.readAllLines(file));
    }

    /** Parses OUTCAR lines; {@code source} names the file in errors. */
    public static List<IonEfg> parse(String source, List<String> lines) {
        List<String> species = new ArrayList<>();
        List<String> titel = new ArrayList<>();
        int[] perType = null;
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher m = VRHFIN.matcher(l);
            if (m.find()) species.add(m.group(1));
            Matcher t = TITEL.matcher(l);
            if (t.find()) titel.add(t.group(1).replaceAll("_.*$", ""));
            if (l.contains("ions per type =")) {
                String[] f = l.substring(l.indexOf('=') + 1).trim().split("\\s+");
                perType = new int[f.length];
                for (int k = 0; k < f.length; k++) perType[k] = Integer.parseInt(f[k]);
            }
            if (l.contains("Electric field gradients (V/A^2)") && !l.contains("after diagonalization")) header = i;
        }
        if (header < 0) throw new InputException(source, 0, "no 'Electric field gradients (V/A^2)' block (was LEFG = .TRUE. set?)");
        if (species.isEmpty()) species = titel;
        List<String> elementOfIon = new ArrayList<>();
        if (perType != null && perType.length == species.size()) {
            for (int k = 0; k < perType.length; k++) for (int j = 0; j < perType[k]; j++) elementOfIon.add(species.get(k));
        }
        List<IonEfg> out = new ArrayList<>();
        boolean started = false;
        for (int i = header + 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("---") || l.startsWith("ion")) {
                if (started && l.startsWith("---")) break;
                continue;
            }
            if (l.isEmpty()) {
                if (started) break;
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length < 7) {
                if (started) break;
                throw new InputException(source, i + 1, "expected: ion V_xx V_yy V_zz V_xy V_xz V_yz");
            }
            started = true;
            double[] six = new double[6];
            int ion;
            try {
                ion = Integer.parseInt(f[0]);
                for (int k = 0; k < 6; k++) six[k] = Double.parseDouble(f[k + 1]);
            } catch (NumberFormatException e) {
                throw new InputException(source, i + 1, "expected: ion V_xx V_yy V_zz V_xy V_xz V_yz (numbers), found '" + l + "'");
            }
            String el = ion - 1 < elementOfIon.size() ? elementOfIon.get(ion - 1) : null;
            out.add(new IonEfg(ion, el, EfgTensor.ofVoigt(six, EfgTensor.Unit.V_PER_A2)));
        }
        if (out.isEmpty()) throw new InputException(source, header + 1, "the EFG block has no ion rows");
        return out;
    }
}
