package dev.iolab.loadtest.report;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A curve through the medians with an error bar from the min to the max of the rounds at each point, in the target's
 * colour (several targets' bars at one x are set a few pixels apart, so none hides another). The value axis reaches the
 * bars' tops. Points of one round, or whose rounds agree, have no bar. In SVG each bar is a group
 * {@code <g class="range" data-target="..." data-x="..." data-min="..." data-max="...">}.
 */
class WhiskerLineRenderer extends XYLineAndShapeRenderer {

    /** Pixels between two targets' error bars at the same x. */
    static final double DODGE = 4;

    WhiskerLineRenderer() {
        super(true, true);
        // one SVG path per series instead of one element per segment
        setDrawSeriesLineAsPath(true);
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return findRangeBounds(dataset, true);
    }

    @Override
    public void drawItem(
            Graphics2D g2,
            XYItemRendererState state,
            Rectangle2D dataArea,
            PlotRenderingInfo info,
            XYPlot plot,
            ValueAxis domainAxis,
            ValueAxis rangeAxis,
            XYDataset dataset,
            int series,
            int item,
            CrosshairState crosshairState,
            int pass) {
        super.drawItem(
                g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
        // with the lines (pass 0), under the points (pass 1)
        if (pass != 0 || !(dataset instanceof IntervalXYDataset d) || !getItemVisible(series, item)) {
            return;
        }
        double min = d.getStartYValue(series, item);
        double max = d.getEndYValue(series, item);
        if (!(max > min)) {
            return;
        }
        double x = domainAxis.valueToJava2D(d.getXValue(series, item), dataArea, plot.getDomainAxisEdge())
                + DODGE * (series - (dataset.getSeriesCount() - 1) / 2.0);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double lo = rangeAxis.valueToJava2D(min, dataArea, edge);
        double hi = rangeAxis.valueToJava2D(max, dataArea, edge);
        double cap = 4;
        if (g2 instanceof SVGGraphics2D) {
            Map<String, String> group = new LinkedHashMap<>();
            group.put("class", "range");
            group.put("data-target", String.valueOf(dataset.getSeriesKey(series)));
            group.put("data-x", number(d.getXValue(series, item)));
            group.put("data-min", number(min));
            group.put("data-max", number(max));
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
        }
        g2.setPaint(lookupSeriesPaint(series));
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(x, lo, x, hi));
        g2.draw(new Line2D.Double(x - cap, lo, x + cap, lo));
        g2.draw(new Line2D.Double(x - cap, hi, x + cap, hi));
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "range");
        }
    }

    /** A value as the SVG attribute carries it: plain digits, no grouping, at most 3 decimals. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v).replaceFirst("0+$", "");
    }
}
