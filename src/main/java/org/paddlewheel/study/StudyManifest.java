package org.paddlewheel.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code study/campaign.json}: what a study was asked to do — recipe, preset, engine, force field,
 * the exact command, versions and every run spec — so {@code paddlewheel report} can rebuild the
 * report and anyone can rerun the study.
 */
public record StudyManifest(String recipe, String preset, String engine, String engineVersion, String forceField,
                            String command, String paddlewheelVersion, String javaVersion, List<RunSpec> runs) {
    public static final String FILE = "campaign.json";

    /** Reads {@code dir/campaign.json}. */
    public static StudyManifest read(Path studyDir) throws IOException {
        Path f = studyDir.resolve(FILE);
        if (!Files.isRegularFile(f)) throw new java.nio.file.NoSuchFileException(f.toString());
        return RunFolder.JSON.readValue(f.toFile(), StudyManifest.class);
    }

    /** Writes {@code dir/campaign.json}. */
    public void write(Path studyDir) throws IOException {
        Files.createDirectories(studyDir);
        RunFolder.writeJson(studyDir.resolve(FILE), this);
    }

    /** The run folders of this study. */
    public List<RunFolder> folders(Path studyDir) {
        return runs.stream().map(r -> RunFolder.of(studyDir, r, engine, forceField == null ? Campaign.FORCE_FIELD : forceField)).toList();
    }

    /** paddlewheel's version from the jar manifest, or the development version. */
    public static String currentVersion() {
        String v = StudyManifest.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
