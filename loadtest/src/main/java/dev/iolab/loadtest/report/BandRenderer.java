package dev.iolab.loadtest.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Lines over time, each with a translucent band from the min to the max of the rounds at each point, both in the
 * target's {@link Palette} colour: the line is the round the report shows, the band how far the other rounds strayed.
 * A series without rounds to compare (one round, or the others failed) is drawn as a plain line. In SVG each band is a
 * group {@code <g class="band" data-target="...">}, so a reader (or a test) can tell it from the lines.
 */
class BandRenderer extends DeviationRenderer {

    /** How much of the target's colour a band keeps: the line stays readable through several overlapping bands. */
    static final float BAND_ALPHA = 0.2f;

    private final Set<String> banded;

    /** {@code banded}: the series keys (targets) with a band; series keys are target ids. */
    BandRenderer(YIntervalSeriesCollection data, Set<String> banded) {
        super(true, false);
        this.banded = Set.copyOf(banded);
        setAlpha(BAND_ALPHA);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String target = (String) data.getSeriesKey(i);
            setSeriesPaint(i, Palette.color(target));
            setSeriesFillPaint(i, Palette.color(target));
            setSeriesStroke(i, Palette.stroke(target, 1.6f));
        }
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
        String target = (String) dataset.getSeriesKey(series);
        if (pass == 0 && !banded.contains(target)) {
            return; // no rounds to compare: a line alone, as in a run of one round
        }
        // the band is filled at the series' last item, in the first pass (under every line)
        boolean fill = pass == 0 && item == dataset.getItemCount(series) - 1 && g2 instanceof SVGGraphics2D;
        if (fill) {
            Map<String, String> group = new LinkedHashMap<>();
            group.put("class", "band");
            group.put("data-target", target);
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
        }
        super.drawItem(
                g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
        if (fill) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "band");
        }
    }
}
