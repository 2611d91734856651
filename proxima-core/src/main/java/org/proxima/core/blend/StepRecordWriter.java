package org.proxima.core.blend;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.proxima.core.io.Json;

/**
 * Writes step records as JSON lines (one object per step, NaN written as null), flushed every
 * {@code flushEvery} records and on close.
 */
public final class StepRecordWriter implements StepListener, AutoCloseable {

    private final BufferedWriter out;
    private final int flushEvery;
    private int unflushed;

    private StepRecordWriter(BufferedWriter out, int flushEvery) {
        this.out = out;
        this.flushEvery = Math.max(1, flushEvery);
    }

    /**
     * @param path the file (created or truncated)
     * @param flushEvery flush after this many records (1 = every record)
     * @return the writer
     */
    public static StepRecordWriter create(Path path, int flushEvery) {
        return open(path, flushEvery, false);
    }

    /**
     * @param path the file (appended to, created if absent)
     * @param flushEvery flush interval
     * @return the writer
     */
    public static StepRecordWriter append(Path path, int flushEvery) {
        return open(path, flushEvery, true);
    }

    private static StepRecordWriter open(Path path, int flushEvery, boolean append) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new StepRecordWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING), flushEvery);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open step-record file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JSON object of a record.
     *
     * @param r the record
     * @return field names (with units) to values
     */
    public static Map<String, Object> toMap(StepRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", r.step());
        m.put("source", r.source().name());
        m.put("blend_index", r.blendIndex());
        m.put("lambda", r.lambda());
        m.put("uq_eV_per_A", r.uncertainty());
        m.put("threshold_eV_per_A", r.threshold());
        m.put("alpha", r.alpha());
        m.put("error_eV_per_A", r.errorEvPerA());
        m.put("audited", r.audited());
        m.put("audit_probability", r.auditProbability());
        m.put("target_calls", r.targetCalls());
        m.put("model_version", r.modelVersion());
        m.put("models_alive", r.modelsAlive());
        m.put("surrogate_s", r.surrogateSeconds());
        m.put("target_s", r.targetSeconds());
        m.put("training_s", r.trainingSeconds());
        m.put("blend_work_eV", r.blendWorkEv());
        m.put("accepted_error_eV_per_A", r.acceptedError().meanEvPerA());
        m.put("accepted_error_ci_low_eV_per_A", r.acceptedError().lowEvPerA());
        m.put("accepted_error_ci_high_eV_per_A", r.acceptedError().highEvPerA());
        if (r.event() != null) {
            m.put("event", r.event());
        }
        return m;
    }

    @Override
    public void onStep(StepRecord record) {
        try {
            out.write(Json.writeLine(toMap(record)));
            out.write('\n');
            if (++unflushed >= flushEvery) {
                out.flush();
                unflushed = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write step record: " + e.getMessage(), e);
        }
    }

    /** Writes buffered records to the file (before a checkpoint records its size). */
    public void flush() {
        try {
            out.flush();
            unflushed = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write step records: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
