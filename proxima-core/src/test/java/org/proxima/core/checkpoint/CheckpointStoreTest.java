package org.proxima.core.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    @TempDir
    Path dir;

    private static StateMap content(double x) {
        return new StateMap().putDouble("x", x).putDoubles("v", new double[] {Double.NaN, -0.0, 1e-310, x})
                .putDouble("nan", Double.NaN).putDouble("inf", Double.NEGATIVE_INFINITY);
    }

    @Test
    void everyDoubleRoundTripsExactlyAndOnlyTheNewestTwoAreKept() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, "test", 1, 2);
        for (long step = 100; step <= 400; step += 100) {
            long s = step;
            store.write(step, content(step + 0.1), d -> Files.writeString(d.resolve("side.txt"), "step " + s));
        }
        CheckpointStore.Loaded l = store.readLatest().orElseThrow();
        assertEquals(400, l.step());
        assertEquals(400.1, l.content().getDouble("x"));
        assertTrue(Double.isNaN(l.content().getDouble("nan")));
        assertEquals(Double.NEGATIVE_INFINITY, l.content().getDouble("inf"));
        double[] v = l.content().getDoubles("v");
        assertTrue(Double.isNaN(v[0]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(v[1]));
        assertArrayEquals(new double[] {1e-310, 400.1}, new double[] {v[2], v[3]});
        assertEquals("step 400", Files.readString(l.directory().resolve("side.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "older checkpoints are pruned");
        }
    }

    @Test
    void aDamagedOrForeignNewestCheckpointIsRefusedAndThePreviousUsed() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, "test", 1, 3);
        store.write(100, content(1), null);
        Path second = store.write(200, content(2), null);
        Path third = store.write(300, content(3), null);
        // a flipped digit: the SHA-256 no longer matches
        Path json = third.resolve("checkpoint.json");
        Files.writeString(json, Files.readString(json).replace("3.0", "4.0"));
        assertEquals(200, store.readLatest().orElseThrow().step());
        // the damaged one was moved aside (a new checkpoint of step 300 cannot overwrite it), unchanged
        assertFalse(Files.exists(third));
        Path movedThird = aside(third);
        CheckpointException e = assertThrows(CheckpointException.class, () -> store.read(movedThird));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        // truncated
        Path json2 = second.resolve("checkpoint.json");
        String t = Files.readString(json2);
        Files.writeString(json2, t.substring(0, t.length() / 3));
        assertEquals(100, store.readLatest().orElseThrow().step());
        assertEquals(t.substring(0, t.length() / 3), Files.readString(aside(second).resolve("checkpoint.json")));
        // another format version is refused with a clear message
        CheckpointStore newer = new CheckpointStore(dir, "test", 2, 3);
        CheckpointException v = assertThrows(CheckpointException.class,
                () -> newer.read(dir.resolve(String.format("step-%012d", 100))));
        assertTrue(v.getMessage().contains("format version 1"), v.getMessage());
        // checkpoints exist but none is usable: refused with the reasons, never "no checkpoint"
        CheckpointException none = assertThrows(CheckpointException.class, newer::readLatest);
        assertTrue(none.getMessage().contains("No usable checkpoint") && none.getMessage().contains("version 1"),
                none.getMessage());
        assertTrue(new CheckpointStore(dir.resolve("empty"), "test", 1, 2).readLatest().isEmpty(),
                "no checkpoint at all is not an error");
    }

    /** Where a damaged checkpoint was moved: {@code damaged-<time>/<its name>} next to it. */
    private Path aside(Path checkpoint) throws Exception {
        try (var s = Files.list(dir)) {
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith("damaged-")).toList()) {
                if (Files.isDirectory(d.resolve(checkpoint.getFileName()))) {
                    return d.resolve(checkpoint.getFileName());
                }
            }
        }
        throw new AssertionError(checkpoint + " was not moved aside");
    }

    @Test
    void startingOverMovesEveryCheckpointAsideAndDeletesNothing() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, "test", 1, 2);
        Path a = store.write(100, content(1), null);
        Path b = store.write(200, content(2), null);
        Files.writeString(a.resolve("checkpoint.json"), "{");
        Files.writeString(b.resolve("checkpoint.json"), "{");
        assertThrows(CheckpointException.class, store::readLatest);
        assertTrue(Files.exists(a) && Files.exists(b), "a refusal moves nothing");
        Path moved = store.setAsideAll();
        assertFalse(store.holdsCheckpoints());
        assertEquals("{", Files.readString(moved.resolve(a.getFileName()).resolve("checkpoint.json")));
        assertEquals("{", Files.readString(moved.resolve(b.getFileName()).resolve("checkpoint.json")));
        store.write(100, content(3), null);
        assertEquals(100, store.readLatest().orElseThrow().step());
        assertEquals("{", Files.readString(moved.resolve(a.getFileName()).resolve("checkpoint.json")));
    }

    @Test
    void everyFileOfACheckpointIsCoveredByItsSha256() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, "test", 1, 2);
        store.write(100, content(1), d -> Files.writeString(d.resolve("model.json"), "{\"w\": [1, 2]}"));
        Path newest = store.write(200, content(2), d -> {
            Files.createDirectories(d.resolve("models"));
            Files.writeString(d.resolve("models/a.json"), "{\"w\": [3, 4]}");
        });
        assertTrue(Files.readString(newest.resolve("SHA256SUMS")).contains("  models/a.json\n"));
        assertEquals(200, store.readLatest().orElseThrow().step());
        // a damaged side file: the previous checkpoint is used, the damaged one moved aside
        Files.writeString(newest.resolve("models/a.json"), "{\"w\": [3, 5]}");
        assertEquals(100, store.readLatest().orElseThrow().step());
        Files.move(aside(newest), newest); // back, to damage it in other ways
        CheckpointException e = assertThrows(CheckpointException.class, () -> store.read(newest));
        assertTrue(e.getMessage().contains("models/a.json") && e.getMessage().contains("SHA-256"), e.getMessage());
        // a missing or an extra file is damage too
        Files.writeString(newest.resolve("models/a.json"), "{\"w\": [3, 4]}");
        Files.writeString(newest.resolve("stray.txt"), "x");
        assertTrue(assertThrows(CheckpointException.class, () -> store.read(newest)).getMessage()
                .contains("stray.txt"));
        Files.delete(newest.resolve("stray.txt"));
        Files.delete(newest.resolve("models/a.json"));
        assertTrue(assertThrows(CheckpointException.class, () -> store.read(newest)).getMessage()
                .contains("missing"));
    }
}
