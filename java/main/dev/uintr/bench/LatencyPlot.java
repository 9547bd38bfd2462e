package dev.uintr.bench;

import dev.uintr.report.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * latency.png: the distributions as percentile curves (HdrHistogram's classic plot): x is
 * the percentile on a "number of nines" scale (0 = p0, 1 = p90, 2 = p99, 3 = p99.9), y the
 * latency in microseconds on a log axis, one curve per mechanism and mode. Drawn headless
 * with JFreeChart. Emulated curves (the Java model's cost, never hardware latency) are drawn
 * dashed and grey, and their legend says so.
 */
public final class LatencyPlot {
    public static final String FILE = "latency.png";

    /**
     * One curve: a label, its samples in ticks, their rate and whether they time the emulator.
     *
     * @param ticksPerSecond the samples' tick rate (the TSC's for native rows)
     * @param emulated       drawn dashed and grey: emulation cost, not hardware latency
     */
    public record Series(String label, long[] ticks, int count, double ticksPerSecond, boolean emulated) {
        public static Series of(String label, long[] ticks, int count, double ticksPerSecond, boolean emulated) {
            return new Series(label, ticks, count, ticksPerSecond, emulated);
        }
    }

    private static final BasicStroke EMULATED_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
    private static final Color[] EMULATED_GREYS = {new Color(0x55, 0x55, 0x55), new Color(0x99, 0x99, 0x99)};

    private LatencyPlot() {}

    /** Renders the curves and replaces {@code file} atomically. */
    public static void write(Path file, List<Series> series, String subtitle) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            data.addSeries(curve(s));
        }
        NumberAxis x = new NumberAxis("percentile (nines: 1 = p90, 2 = p99, 3 = p99.9)");
        x.setRange(0, 3.5);
        LogAxis y = new LogAxis("latency (µs)");
        y.setSmallestValue(0.01);
        y.setBase(10);
        java.text.DecimalFormat plain = new java.text.DecimalFormat("0.###",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0, plain), false, true);   // one tick per decade
        y.setNumberFormatOverride(plain);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int greys = 0;
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).emulated()) {
                r.setSeriesStroke(i, EMULATED_STROKE);
                r.setSeriesPaint(i, EMULATED_GREYS[greys++ % EMULATED_GREYS.length]);
            } else {
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Notification latency by percentile", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, 1100, 700);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeBytes(file, png.toByteArray());
    }

    /** The curve's points: latency (µs) at percentiles spaced evenly in nines. */
    static XYSeries curve(Series s) {
        double tscHz = s.ticksPerSecond();
        Histogram h = new Histogram(3);
        for (int i = 0; i < s.count(); i++) {
            if (s.ticks()[i] > 0) {
                h.recordValue(s.ticks()[i]);
            }
        }
        XYSeries xy = new XYSeries(s.label(), false);
        if (h.getTotalCount() == 0) {
            return xy;
        }
        double maxNines = Math.log10(h.getTotalCount());
        for (double nines = 0; nines <= Math.min(3.5, maxNines) + 1e-9; nines += 0.05) {
            double pct = 100.0 * (1 - Math.pow(10, -nines));
            xy.add(nines, h.getValueAtPercentile(pct) * 1e6 / tscHz);
        }
        return xy;
    }
}
