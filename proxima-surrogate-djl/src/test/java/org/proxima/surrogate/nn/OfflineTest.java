package org.proxima.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine loads from the Maven artifact and never downloads. */
class OfflineTest {

    @TempDir
    Path cache;

    private static List<String> isolatedCache(Path dir) {
        return List.of("-DDJL_CACHE_DIR=" + dir, "-DENGINE_CACHE_DIR=" + dir, "-Xmx256m");
    }

    @Test
    void withoutTheNativeJarLoadingFailsWithTheOfflineErrorInsteadOfDownloading() throws Exception {
        JvmProbe.Outcome o = JvmProbe.run(EngineLoadProbe.class, e -> e.contains("pytorch-native-cpu"),
                isolatedCache(cache), 120);
        assertEquals(3, o.exitCode(), o.output());
        assertTrue(o.output().contains("Offline mode is enabled"), "DJL refused to download: " + o.output());
        assertTrue(o.output().contains("pytorch-native-cpu"), "the message names the missing artifact: " + o.output());
    }

    @Test
    void withTheNativeJarTheEngineLoadsIntoAFreshCache() throws Exception {
        JvmProbe.Outcome o = JvmProbe.run(EngineLoadProbe.class, e -> false, isolatedCache(cache), 300);
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(o.output().contains("LOADED"), o.output());
    }
}
