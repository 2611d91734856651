package org.proxima.examples.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.proxima.core.blend.Source;
import org.proxima.core.io.AtomicOutput;
import org.proxima.core.blend.StepSummary;

/**
 * The studies' figures as PNG (XChart), in the spirit of the paper's: the volume trace with λ below it and the
 * pure-surrogate stretches of hard-switch PROXIMA (Fig. 2), histograms of surrogate–target errors with their mean,
 * median and ε_target for all target steps and for audit steps alone (Fig. 1), and box plots of max |dV/dt| and of
 * run time per mode (Figs. 3 and 4). Each method returns the file it wrote.
 */
public final class StudyPlots {

    private static final Color TARGET = new Color(0x33, 0x33, 0x33);
    private static final Color PROXIMA = new Color(0x1f, 0x77, 0xb4);
    private static final Color BLEND = new Color(0xd6, 0x27, 0x28);
    private static final Color SURROGATE = new Color(0x2c, 0xa0, 0x2c);
    private static final Color CALIBRATED = new Color(0x94, 0x67, 0xbd);

    private StudyPlots() {
    }

    private static Color color(StudyMode m) {
        return switch (m) {
            case TARGET -> TARGET;
            case PROXIMA -> PROXIMA;
            case BLEND -> BLEND;
            case SURROGATE -> SURROGATE;
            case CALIBRATED -> CALIBRATED;
        };
    }

    private static String label(StudyMode m) {
        return m.plotLabel();
    }

    /**
     * Volume against time for one seed of every mode, and below it λ of the blend run and the pure-surrogate steps
     * of the PROXIMA run (1 where the surrogate alone moved the atoms); a vertical line marks the first training.
     *
     * @param runs one run per mode (same seed)
     * @param file the PNG to write
     * @return the file
     */
    public static Path volumeTrace(List<RunOutcome> runs, Path file) throws IOException {
        return volumeTrace(runs, file, Double.NaN);
    }

    /**
     * The volume trace zoomed to {@code windowFs} after the first training, where the hard switch's fast
     * oscillations show.
     *
     * @param runs one run per mode (same seed)
     * @param file the PNG to write
     * @param windowFs length of the window, fs
     * @return the file
     */
    public static Path volumeTraceZoom(List<RunOutcome> runs, Path file, double windowFs) throws IOException {
        return volumeTrace(runs, file, windowFs);
    }

    private static Path volumeTrace(List<RunOutcome> runs, Path file, double windowFs) throws IOException {
        XYChart top = new XYChartBuilder().width(1000).height(420).title("Cell volume, seed " + runs.get(0).seed())
                .xAxisTitle("time (fs)").yAxisTitle("volume (Å³)").build();
        XYChart bottom = new XYChartBuilder().width(1000).height(220).xAxisTitle("time (fs)")
                .yAxisTitle("surrogate weight").build();
        long firstTraining = -1;
        for (RunOutcome r : runs) {
            double[] t = r.series().timesFs();
            XYSeries s = top.addSeries(label(r.mode()), t, r.series().volumesA3());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color(r.mode()));
            if (r.mode() == StudyMode.TARGET) {
                s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {6, 4}, 0));
            }
            if (r.mode() == StudyMode.BLEND || r.mode() == StudyMode.CALIBRATED) {
                XYSeries l = bottom.addSeries("λ (" + label(r.mode()) + ")", t, r.series().lambdas());
                l.setMarker(SeriesMarkers.NONE);
                l.setLineColor(color(r.mode()));
            }
            if (r.mode() == StudyMode.PROXIMA) {
                double[] src = r.series().sources();
                double[] on = new double[src.length];
                for (int k = 0; k < src.length; k++) {
                    on[k] = src[k] == Source.SURROGATE.ordinal() ? 1 : 0;
                }
                XYSeries p = bottom.addSeries("pure surrogate (PROXIMA)", t, on);
                p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
                p.setMarker(SeriesMarkers.NONE);
                p.setFillColor(new Color(0x1f, 0x77, 0xb4, 70));
                p.setLineColor(new Color(0x1f, 0x77, 0xb4, 120));
            }
            if (r.series().firstTrainedStep() >= 0 && (firstTraining < 0 || r.series().firstTrainedStep()
                    < firstTraining)) {
                firstTraining = r.series().firstTrainedStep();
            }
        }
        if (firstTraining >= 0) {
            double x = runs.get(0).series().timesFs().length > firstTraining
                    ? runs.get(0).series().timesFs()[(int) firstTraining] : firstTraining;
            top.addAnnotation(new AnnotationLine(x, true, false));
            bottom.addAnnotation(new AnnotationLine(x, true, false));
        }
        bottom.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        if (!Double.isNaN(windowFs) && firstTraining >= 0) {
            double from = runs.get(0).series().timesFs()[(int) Math.min(firstTraining,
                    runs.get(0).series().timesFs().length - 1)];
            for (XYChart c : List.of(top, bottom)) {
                c.getStyler().setXAxisMin(from).setXAxisMax(from + windowFs);
            }
            top.setTitle(top.getTitle() + String.format(Locale.ROOT, ", %.0f fs after the first training", windowFs));
        }
        for (XYChart c : List.of(top, bottom)) {
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS)
                    .setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
            c.getStyler().setXAxisDecimalPattern("#0");
        }
        if (bottom.getSeriesMap().isEmpty()) {
            savePng(BitmapEncoder.getBufferedImage(top), file);
            return file;
        }
        return stack(top, bottom, file);
    }

    /**
     * The controllers at work, one replica of each blended mode: the UQ of every step (dots), the threshold (line)
     * and, below, the audit probability, against time. The top chart's axis is logarithmic, so steps whose UQ or
     * threshold is 0 (before the first fit, a starved controller) are left out of it, as its title says.
     *
     * @param runs one run per blended mode (same seed)
     * @param file the PNG to write
     * @return the file, or null without blended runs
     */
    public static Path controllerTrace(List<RunOutcome> runs, Path file) throws IOException {
        List<RunOutcome> blended = runs.stream().filter(r -> r.mode().blended()).toList();
        if (blended.isEmpty()) {
            return null;
        }
        XYChart top = new XYChartBuilder().width(1000).height(460).title("UQ and threshold, seed "
                + blended.get(0).seed() + " (zeros not shown: log axis)").xAxisTitle("time (fs)").yAxisTitle("eV/Å")
                .build();
        XYChart bottom = new XYChartBuilder().width(1000).height(240).xAxisTitle("time (fs)")
                .yAxisTitle("audit probability").build();
        for (RunOutcome r : blended) {
            double[] t = r.series().timesFs();
            Color c = color(r.mode());
            double[][] uq = positive(t, r.series().uncertainties());
            if (uq[0].length > 0) {
                XYSeries u = top.addSeries("UQ (" + label(r.mode()) + ")", uq[0], uq[1]);
                u.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                u.setMarker(SeriesMarkers.CIRCLE);
                u.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 40));
            }
            double[][] threshold = positive(t, r.series().thresholds());
            if (threshold[0].length > 0) {
                XYSeries th = top.addSeries("threshold (" + label(r.mode()) + ")", threshold[0], threshold[1]);
                th.setMarker(SeriesMarkers.NONE);
                th.setLineColor(c);
            }
            XYSeries p = bottom.addSeries(label(r.mode()), t, r.series().auditProbabilities());
            p.setMarker(SeriesMarkers.NONE);
            p.setLineColor(c);
        }
        top.getStyler().setMarkerSize(2);
        top.getStyler().setYAxisLogarithmic(true);
        bottom.getStyler().setYAxisMin(0.0);
        if (top.getSeriesMap().isEmpty()) {
            savePng(BitmapEncoder.getBufferedImage(bottom), file);
            return file;
        }
        return stack(top, bottom, file);
    }

    /**
     * The points a logarithmic axis can show.
     *
     * @param x abscissae
     * @param y ordinates, as long as x
     * @return {x, y} of the points whose y is positive and finite, in order (empty arrays if none)
     */
    static double[][] positive(double[] x, double[] y) {
        int[] keep = IntStream.range(0, y.length).filter(k -> y[k] > 0 && Double.isFinite(y[k])).toArray();
        return new double[][] {Arrays.stream(keep).mapToDouble(k -> x[k]).toArray(),
                Arrays.stream(keep).mapToDouble(k -> y[k]).toArray()};
    }

    /** Writes two charts one above the other into one PNG. */
    private static Path stack(XYChart top, XYChart bottom, Path file) throws IOException {
        BufferedImage a = BitmapEncoder.getBufferedImage(top);
        BufferedImage b = BitmapEncoder.getBufferedImage(bottom);
        BufferedImage both = new BufferedImage(Math.max(a.getWidth(), b.getWidth()), a.getHeight() + b.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(a, 0, 0, null);
        g.drawImage(b, 0, a.getHeight(), null);
        g.dispose();
        savePng(both, file);
        return file;
    }

    /**
     * Histogram of surrogate–target errors per mode, with vertical lines at ε_target and at the pooled mean and
     * median.
     *
     * @param rows the modes (rows without errors are skipped)
     * @param audits true for audit steps only
     * @param errorTarget ε_target, eV/Å
     * @param file the PNG to write
     * @return the file, or null when there are no errors to plot
     */
    public static Path errorHistogram(List<ModeRow> rows, boolean audits, double errorTarget, Path file)
            throws IOException {
        List<double[]> data = new ArrayList<>();
        List<ModeRow> used = new ArrayList<>();
        for (ModeRow r : rows) {
            double[] e = audits ? r.auditErrors() : r.errors();
            if (e.length > 0) {
                data.add(e);
                used.add(r);
            }
        }
        if (data.isEmpty()) {
            return null;
        }
        double[] all = data.stream().flatMapToDouble(Arrays::stream).toArray();
        double max = Math.max(errorTarget * 1.1, Arrays.stream(all).max().orElse(1));
        XYChart c = new XYChartBuilder().width(900).height(500)
                .title((audits ? "Audit steps" : "All target steps") + ": max-atom |F_target − F_surrogate|")
                .xAxisTitle("error (eV/Å)").yAxisTitle("steps").build();
        for (int k = 0; k < data.size(); k++) {
            Histogram h = new Histogram(Arrays.stream(data.get(k)).boxed().toList(), 40, 0, max);
            XYSeries s = c.addSeries(label(used.get(k).mode()) + " (" + data.get(k).length + ")", h.getxAxisData(),
                    h.getyAxisData());
            Color col = color(used.get(k).mode());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(col);
            s.setFillColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 60));
        }
        double mean = StepSummary.mean(all);
        double median = StepSummary.median(all);
        double top = data.stream().mapToDouble(d -> new Histogram(Arrays.stream(d).boxed().toList(), 40, 0, max)
                .getyAxisData().stream().mapToDouble(Double::doubleValue).max().orElse(1)).max().orElse(1);
        c.addAnnotation(new AnnotationLine(errorTarget, true, false));
        c.addAnnotation(new AnnotationText("ε_target", errorTarget, top * 1.02, false));
        c.addAnnotation(new AnnotationLine(mean, true, false));
        c.addAnnotation(new AnnotationText("mean", mean, top * 0.94, false));
        c.addAnnotation(new AnnotationLine(median, true, false));
        c.addAnnotation(new AnnotationText("median", median, top * 0.86, false));
        c.getStyler().setXAxisDecimalPattern("0.00");
        c.setTitle(c.getTitle() + String.format(Locale.ROOT, "; lines: ε_target %.3g, mean %.3g, median %.3g",
                errorTarget, mean, median));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        savePng(BitmapEncoder.getBufferedImage(c), file);
        return file;
    }

    /**
     * Box plot of one number per run, per mode.
     *
     * @param rows the modes
     * @param title chart title
     * @param yTitle axis title with unit
     * @param values the number of each run
     * @param file the PNG to write
     * @return the file
     */
    public static Path boxPlot(List<ModeRow> rows, String title, String yTitle,
            java.util.function.Function<ModeRow, double[]> values, Path file) throws IOException {
        BoxChart c = new BoxChartBuilder().width(700).height(500).title(title).yAxisTitle(yTitle).build();
        for (ModeRow r : rows) {
            double[] v = values.apply(r);
            if (v.length > 0) {
                c.addSeries(label(r.mode()), v);
            }
        }
        savePng(BitmapEncoder.getBufferedImage(c), file);
        return file;
    }

    /** Writes a PNG whole or not at all (an existing figure is replaced only by a complete one). */
    private static void savePng(BufferedImage image, Path file) throws IOException {
        try (AtomicOutput out = AtomicOutput.of(file)) {
            if (!ImageIO.write(image, "png", out.path().toFile())) {
                throw new IOException("no PNG writer available");
            }
            out.commit();
        }
    }
}
