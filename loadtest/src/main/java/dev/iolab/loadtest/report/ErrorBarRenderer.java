package dev.iolab.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with an error bar from the min to the max of the value across rounds, where the run had several: the bar is
 * the median, the whisker how far the rounds spread.
 */
class ErrorBarRenderer extends BarRenderer {

    private static final Color WHISKER = new Color(0x33, 0x33, 0x33);

    /** min and max by series key + "\n" + category key. */
    private final Map<String, double[]> ranges = new HashMap<>();

    void range(Comparable<?> series, Comparable<?> category, double min, double max) {
        ranges.put(series + "\n" + category, new double[] {min, max});
    }

    boolean hasRanges() {
        return !ranges.isEmpty();
    }

    @Override
    public void drawItem(
            Graphics2D g2,
            CategoryItemRendererState state,
            Rectangle2D dataArea,
            CategoryPlot plot,
            CategoryAxis domainAxis,
            ValueAxis rangeAxis,
            CategoryDataset dataset,
            int row,
            int column,
            int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double[] range = ranges.get(dataset.getRowKey(row) + "\n" + dataset.getColumnKey(column));
        if (range == null || state.getVisibleSeriesIndex(row) < 0) {
            return;
        }
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        // a log axis cannot place 0: the whisker starts at its floor like the bar does
        double lo = rangeAxis.valueToJava2D(Math.max(range[0], getBase()), dataArea, edge);
        double hi = rangeAxis.valueToJava2D(Math.max(range[1], getBase()), dataArea, edge);
        double cap = Math.max(2, state.getBarWidth() / 4);
        g2.setPaint(WHISKER);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(x, lo, x, hi));
        g2.draw(new Line2D.Double(x - cap, lo, x + cap, lo));
        g2.draw(new Line2D.Double(x - cap, hi, x + cap, hi));
    }
}
