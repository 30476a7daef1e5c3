package org.paddlewheel.forcefield.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * k-point checks of the Γ-only scans: a scan frame of a thin cell (the 2x2x1 antiperovskite cells are 4.57–4.70 Å
 * along c) recomputed with the cell doubled along c, config_type {@code kcheck-<scan>}. The doubled cell holds the
 * same periodic configuration, so with k-sampling converged its energy is exactly twice the thin cell's; the energy
 * difference of a scan point from the scan's first frame, taken from the doubled cells and halved, is then the
 * scan's energy difference at the better k-sampling (eV per thin cell). A classical model has no k-point error:
 * its two values agree to rounding, which the check also reports. Frames are recognised by their source, as the
 * generator writes it: {@code <scan>-<k>-doubled.extxyz#0} (frame k of the scan doubled) or
 * {@code <scan>.extxyz#<k>-doubled…}. The doubled first frame may come from another scan whose first frame is
 * the same configuration (the x = 1 scans share theirs): the same composition and model energies within {@link #SAME_EV}
 * (the DFT energies of a relative-energy scan arrive shifted by its group's mean error, {@link DftComparison}, so only
 * differences within a scan are compared).
 */
public final class KpointChecks {
    /**
     * One checked scan point: the scan, the frame index k, the DFT energy difference E_k − E_0 from the thin cells and
     * from the doubled ones (halved), and the same two for the model (eV per thin cell).
     */
    public record Check(String scan, int frame, double dftThinEv, double dftDoubledEv, double modelThinEv, double modelDoubledEv) {
        /** How much the thin cell's Γ sampling moves the DFT energy difference, eV (thin − doubled). */
        public double dftKpointErrorEv() { return dftThinEv - dftDoubledEv; }
    }

    private static final Pattern SOURCE = Pattern.compile("(scan-[A-Za-z0-9-]+?)(?:-(\\d+)-doubled[^#]*#\\d+|\\.extxyz#(\\d+)-doubled.*)");

    /**
     * Two first frames with the same composition whose model energies agree within this (eV) are taken as one
     * configuration: identical inputs agree to rounding (~1e-5 eV on 1e4 eV, threaded sums), while distinct
     * configurations of one cell differ by 1e-2 eV or more (the smallest step of these scans moves the model by 0.02 eV).
     */
    static final double SAME_EV = 1e-3;

    private KpointChecks() {}

    /** Every k-point check the frames allow (scan point k ≥ 1 with both the doubled point and a doubled first frame). */
    public static List<Check> of(List<DftComparison.FrameResult> frames) {
        Map<String, List<DftComparison.FrameResult>> scans = new TreeMap<>();
        for (DftComparison.ScanProfile p : DftComparison.scans(frames)) scans.put(p.configType(), new ArrayList<>());
        for (DftComparison.FrameResult f : frames) if (scans.containsKey(f.configType())) scans.get(f.configType()).add(f);
        scans.values().forEach(l -> l.sort(Comparator.comparingInt(f -> DftComparison.frameIndexOf(f.source()))));
        record Doubled(String scan, int frame, DftComparison.FrameResult result) {}
        List<Doubled> doubled = new ArrayList<>();
        for (DftComparison.FrameResult f : frames) {
            if (!f.configType().startsWith("kcheck-")) continue;
            Matcher m = SOURCE.matcher(f.source());
            if (!m.matches()) continue;
            doubled.add(new Doubled(m.group(1), Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3)), f));
        }
        List<Check> out = new ArrayList<>();
        for (Doubled d : doubled) {
            List<DftComparison.FrameResult> scan = scans.get(d.scan());
            if (d.frame() == 0 || scan == null) continue;
            DftComparison.FrameResult first = scan.get(0), point = scan.stream()
                    .filter(x -> DftComparison.frameIndexOf(x.source()) == d.frame()).findFirst().orElse(null);
            if (point == null || DftComparison.frameIndexOf(first.source()) != 0 || d.result().atoms() != 2 * point.atoms()) continue;
            for (Doubled z : doubled) {
                if (z.frame() != 0 || scans.get(z.scan()) == null) continue;
                DftComparison.FrameResult f0 = scans.get(z.scan()).get(0);
                if (!f0.composition().equals(first.composition()) || Math.abs(f0.modelEnergyEv() - first.modelEnergyEv()) > SAME_EV) continue;
                out.add(new Check(d.scan(), d.frame(), point.dftEnergyEv() - first.dftEnergyEv(),
                        (d.result().dftEnergyEv() - z.result().dftEnergyEv()) / 2, point.modelEnergyEv() - first.modelEnergyEv(),
                        (d.result().modelEnergyEv() - z.result().modelEnergyEv()) / 2));
                break;
            }
        }
        out.sort(Comparator.comparing(Check::scan).thenComparingInt(Check::frame));
        return out;
    }
}
