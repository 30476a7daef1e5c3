package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paddlewheel.study.Claim;
import org.paddlewheel.report.StudyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code paddlewheel report DIR}: rebuilds a study's report.html, summary.json and figures from its finished runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild a study's report.html, summary.json and figures/ from its finished runs (nothing is rerun).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder (holding campaign.json).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        StudyReport.Outcome o = StudyReport.build(dir);
        System.out.println("report: " + o.html() + " (" + o.runsFinished() + "/" + o.runsPlanned() + " runs, "
                + o.figures().size() + " figures)");
        for (Claim c : o.claims()) System.out.printf("  %-16s %s%n", c.verdict().json(), c.statement());
        return 0;
    }
}
