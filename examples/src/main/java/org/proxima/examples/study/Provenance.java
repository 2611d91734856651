package org.proxima.examples.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Provenance of a study: library version, git commit of the source tree (read from {@code .git} without running
 * git), Java and machine, start time. Written into {@code run.json} with every parameter.
 */
public final class Provenance {

    private Provenance() {
    }

    /** @return the library version (from the build), or "unknown" */
    public static String version() {
        try (InputStream in = Provenance.class.getResourceAsStream("/proxima-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /**
     * The commit of the git checkout containing {@code start} (or one of its parents), with "-dirty" never claimed
     * (git is not run).
     *
     * @param start a directory inside the checkout
     * @return the commit hash, or "unknown"
     */
    public static String gitCommit(Path start) {
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD")).trim();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    String ref = head.substring(5).trim();
                    Path refFile = git.resolve(ref);
                    if (Files.isRegularFile(refFile)) {
                        return Files.readString(refFile).trim();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.isRegularFile(packed)) {
                        for (String line : Files.readAllLines(packed)) {
                            if (line.endsWith(" " + ref)) {
                                return line.substring(0, line.indexOf(' '));
                            }
                        }
                    }
                } catch (IOException e) {
                    return "unknown";
                }
                return "unknown";
            }
        }
        return "unknown";
    }

    /**
     * @param parameters the study's parameters
     * @return the run.json content
     */
    public static Map<String, Object> describe(Map<String, Object> parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proxima_version", version());
        Path here = Path.of("").toAbsolutePath();
        String commit = gitCommit(here);
        if ("unknown".equals(commit)) {
            try {
                commit = gitCommit(Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation()
                        .toURI()));
            } catch (Exception e) {
                // keep unknown
            }
        }
        m.put("git_commit", commit);
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("started", Instant.now().toString());
        m.put("working_directory", here.toString());
        m.put("parameters", parameters);
        return m;
    }
}
