package dev.uintr.explore;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.BlockingDesign;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * debate-cost.png: estimated cycles per post on the reference scenario, one group of bars per
 * design, best and worst case per profile. Drawn headless; labelled as an estimate. The caller
 * writes the bytes (explore sits below the report layer).
 */
public final class DebateChart {
    private DebateChart() {}

    /** The chart's data: series "PROFILE best|worst" × design → cycles per post (pairs without costs left out). */
    static DefaultCategoryDataset data(Debate db) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (AbiProfile p : db.profiles()) {
            for (BlockingDesign d : db.designs()) {
                double best = db.bestEstimate(p, d);
                double worst = db.worstEstimate(p, d);
                if (!Double.isNaN(worst)) {
                    data.addValue(best, p.id() + " best case", d.id());
                    data.addValue(worst, p.id() + " worst case", d.id());
                }
            }
        }
        return data;
    }

    /** The chart as PNG bytes; null when there is nothing to draw (no weights, or no reference scenario). */
    public static byte[] png(Debate db) {
        DefaultCategoryDataset data = data(db);
        if (data.getRowCount() == 0) {
            return null;
        }
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = ChartFactory.createBarChart("Estimated cycles per wake, by design (ESTIMATE)", "design",
                "cycles per post (estimate from " + Path.of(db.weights().file()).getFileName() + ")", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle("scenario " + db.reference() + "; exact event counts from the model × editable "
                + "weights; best and worst case over the interleavings that lose nothing"));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, 1100, 650);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the debate chart: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }
}
