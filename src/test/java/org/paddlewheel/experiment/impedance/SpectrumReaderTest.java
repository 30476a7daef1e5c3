package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paddlewheel.model.InputException;

/**
 * Readers on every export in src/test/resources/eis (impedance.py's example data, MIT; see the
 * LICENSE file there) and on small hand-written fixtures of each format. Expected values are
 * copied from the files (first and last data row); the imaginary part is Im Z after conversion.
 */
class SpectrumReaderTest {
    private static Path res(String name) {
        return Paths.get("src/test/resources/eis", name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, points, f0, re0, im0, fLast, reLast, imLast
        "exampleData.csv,66,3.1623e-03,4.949989776405060160e-02,-2.043869854441892481e-02,1e4,0.0157715,0.0101575",
        "exampleDataAutolab.txt,41,10000,0.013785863964281,0.007191946305823,0.1,0.0345697771923854,-0.00390292888845954",
        "exampleDataBioLogic.mpt,43,1.0003201E+003,6.5470886E+001,-3.8998979E-001,0.0168955,110.970,-2.34586",
        "exampleDataCHInstruments.txt,73,9.961e+4,9.891e+1,-2.748e+0,1.000e-1,5.685e+3,-1.586e+4",
        "exampleDataGamry.DTA,72,200015.6,825.8584,-1367.239,0.0158898,17007.49,-6635.557",
        "exampleDataGamryABORT.DTA,72,200015.6,825.8584,-1367.239,0.0158898,17007.49,-6635.557",
        "exampleDataParstat.txt,31,10000,-0.00049816280376104,0.0175143479976367,10,0.0270946491457229,-0.00399791080333837",
        "exampleDataPowersuite.txt,30,0.1,423929.46,-49014.063,2.0e6,-470.541,-1397.74",
        "exampleDataVersaStudio.par,61,100000,55.31571,4.575431,0.0215444,1516.31,-122.828",
        "exampleDataZPlot.z,21,3.000000E+05,1.4777E+02,-1.1335E+01,3000,613.68,-137.13",
        "exampleDataZPlot_noComments.z,31,3.000000E+05,6.4262E+02,-8.5821E+01,300,1305.3,-195.01",
        "Circuit1_EIS_1.z,48,5.000000E+04,2.9036E+01,6.3662E-01,1,7.5803E+01,-1.6244E-01",
        "Circuit1_EIS_2.z,48,5.0e4,29.0010,0.599200,1,75.8200,-0.173740",
        "Circuit2_EIS_1.z,56,3.0e5,147.770,-11.3350,1,654.190,0.642710",
        "Circuit2_EIS_2.z,56,3.0e5,147.680,-11.6620,1,652.440,-2.11800",
        "Circuit3_EIS_1.z,53,1.5e5,1493.70,10.3770,1,6137.50,17.8900",
        "Circuit3_EIS_2.z,53,1.5e5,1492.00,11.7890,1,6138.20,-10.1510",
    })
    void readsEverySharedExport(String file, int n, double f0, double re0, double im0, double fl, double rel, double iml) throws Exception {
        Spectrum s = SpectrumReader.read(res(file));
        assertThat(s.size()).isEqualTo(n);
        // relative 1e-5: the last-row values above are quoted to 6 significant digits
        assertThat(s.f(0)).isCloseTo(f0, within(1e-5 * f0));
        assertThat(s.re(0)).isCloseTo(re0, within(1e-5 * Math.abs(re0)));
        assertThat(s.im(0)).isCloseTo(im0, within(1e-5 * Math.abs(im0)));
        assertThat(s.f(n - 1)).isCloseTo(fl, within(1e-5 * fl));
        assertThat(s.re(n - 1)).isCloseTo(rel, within(1e-5 * Math.abs(rel)));
        assertThat(s.im(n - 1)).isCloseTo(iml, within(1e-5 * Math.abs(iml)));
    }

    @Test
    void bioLogicWithoutFrequencyHeaderIsAnErrorAtTheHeaderLine() {
        // the file's column header lacks 'freq/Hz' (impedance.py raises for it too); no guessing
        assertThatThrownBy(() -> SpectrumReader.read(res("exampleDataBioLogic_MissingFreq.mpt")))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(61))
                .hasMessageContaining("freq/Hz");
    }

    private static Spectrum read(String name, String content, ImagSign sign) {
        return SpectrumReader.read(name, content.getBytes(StandardCharsets.ISO_8859_1), sign);
    }

    @Test
    void plainCsvInEitherSignConvention() {
        String minusIm = "100,10,5\n10,12,8\n1,20,3\n";          // −Z'' stored (positive arc)
        String im = "100,10,-5\n10,12,-8\n1,20,-3\n";            // Z'' stored
        assertThat(read("a.csv", minusIm, ImagSign.AUTO).im(1)).isEqualTo(-8);
        assertThat(read("a.csv", im, ImagSign.AUTO).im(1)).isEqualTo(-8);
        assertThat(read("a.csv", minusIm, ImagSign.NEGATIVE).im(1)).isEqualTo(8);   // user override wins
        assertThat(read("a.csv", im, ImagSign.POSITIVE).im(1)).isEqualTo(8);
        Spectrum h = read("b.txt", "freq;Z';-Z''\n100;10;-1\n10;12;8\n1;20;3\n", ImagSign.AUTO);
        assertThat(h.im(0)).isEqualTo(1);   // header declares −Z'': the inductive first point stays inductive
        assertThat(h.im(1)).isEqualTo(-8);
        Spectrum ws = read("c.dat", "# f Zre Zim\n1e3 1.5 -0.5\n1e2 2.5 -1.5\n1e1 3.5 -0.25\n", ImagSign.AUTO);
        assertThat(ws.re(2)).isEqualTo(3.5);
    }

    @Test
    void csvErrorsNameTheLine() {
        assertThatThrownBy(() -> read("bad.csv", "100,10,5\n-10,12,8\n1,20,3\n", ImagSign.AUTO))
                .isInstanceOf(InputException.class).hasMessageContaining("frequency must be > 0")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> read("bad.csv", "just text\n", ImagSign.AUTO)).isInstanceOf(InputException.class);
    }

    @Test
    void handWrittenMpt() {
        String mpt = "EC-Lab ASCII FILE\nNb header lines : 4\n\nfreq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\t|Z|/Ohm\n"
                + "1,0E+003\t5,0E+001\t2,0E+000\t50\n1.0E+001\t6.0E+001\t1.5E+001\t62\n";
        Spectrum s = read("x.mpt", mpt, ImagSign.AUTO);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.f(0)).isEqualTo(1000);       // decimal comma accepted
        assertThat(s.im(0)).isEqualTo(-2);        // −Im(Z) column converted
        assertThat(s.im(1)).isEqualTo(-15);
    }

    @Test
    void handWrittenGamry() {
        String dta = "EXPLAIN\nTAG\tEISPOT\nZCURVE\tTABLE\n\tPt\tTime\tFreq\tZreal\tZimag\tZmod\n\t#\ts\tHz\tohm\tohm\tohm\n"
                + "\t0\t1\t1000\t10\t-2\t10.2\n\t1\t2\t100\t12\t-5\t13\nEXPERIMENTABORTED\tTOGGLE\tT\n";
        Spectrum s = read("x.DTA", dta, ImagSign.AUTO);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.im(1)).isEqualTo(-5);
    }

    @Test
    void handWrittenZPlot() {
        String z = "ZPLOT2 ASCII\nEnd Comments\n1.0E+03\t1.0E-02\t0\t1.0\t1.0E+01\t-2.0E+00\t0\t0\t3\n"
                + "1.0E+02\t1.0E-02\t0\t2.0\t1.2E+01\t-5.0E+00\t0\t0\t3\n";
        assertThat(read("x.z", z, ImagSign.AUTO).im(1)).isEqualTo(-5);
        String zw = "\"ZPlotW Data File: Version 3.2c\"\n\"  Freq(Hz)    Ampl     Bias   Time(Sec)   Z'(a)    Z''(b)\"\n"
                + "1.0E+03, 0.01, 0, 1.0, 10, -2\n1.0E+02, 0.01, 0, 2.0, 12, -5\n";
        assertThat(read("y.z", zw, ImagSign.AUTO).re(1)).isEqualTo(12);
    }

    @Test
    void handWrittenVersaStudioAndParstat() {
        String par = "<Application>\nName=VersaStudio\n</Application>\n<Segment1>\nType=2\n"
                + "Definition=Segment #, Point #, Frequency(Hz), Z Real, Z Imag\n0,0,1000,10,-2\n0,1,100,12,-5\n</Segment1>\n";
        Spectrum v = read("x.par", par, ImagSign.AUTO);
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.im(0)).isEqualTo(-2);
        String parstat = "Potential (V)\tCurrent (A)\tFrequency (Hz)\tZre (ohms)\tZim (ohms)\t\n"
                + "3.5\t-0.1\t0\t0\t0\t\n3.5\t-0.1\t1000\t10\t-2\t\n3.5\t-0.1\t100\t12\t-5\t\n";
        Spectrum p = read("p.txt", parstat, ImagSign.AUTO);
        assertThat(p.size()).isEqualTo(2);   // the DC row (f = 0, Z = 0) is dropped
        assertThat(p.re(1)).isEqualTo(12);
    }
}
