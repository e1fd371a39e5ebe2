package dev.iolab.loadtest.report;

import dev.iolab.contract.Target;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;
import java.util.Locale;

/**
 * The report's one colour per target, the same in every chart: each module of the registry (one family of I/O
 * models) has a hue of its own, and its targets are shades of it in registry order, so a target added to the
 * registry gets a colour of its family without anyone editing this class.
 */
public final class Palette {

    /** Hue (degrees) per module: MVC blue, WebFlux green, plain-io orange-red; a module added later gets a hue of its own. */
    private static final float[] MODULE_HUES = {215f, 135f, 18f};
    /** Width of the hue band a family's shades spread over, and their lightness range: near enough to read as one family. */
    private static final float HUE_SPREAD = 34f;

    private static final float LIGHT_DARKEST = 0.30f;
    private static final float LIGHT_LIGHTEST = 0.62f;
    /** A row whose id is not in the registry (a --base-url target with another name). */
    static final Color UNKNOWN = new Color(0x77, 0x77, 0x77);

    private Palette() {}

    /** The colour of {@code targetId} in every chart of every report. */
    public static Color color(String targetId) {
        return Target.byId(targetId).map(Palette::color).orElse(UNKNOWN);
    }

    static Color color(Target target) {
        List<Target> family = family(target.module());
        int index = family.indexOf(target);
        float position = family.size() == 1 ? 0.5f : index / (float) (family.size() - 1);
        float hue = hue(target.module()) - HUE_SPREAD / 2 + HUE_SPREAD * position;
        float light = LIGHT_DARKEST + (LIGHT_LIGHTEST - LIGHT_DARKEST) * position;
        return hsl(hue, 0.75f, light);
    }

    /** Line style of {@code targetId}: shades of one family are told apart by dashes as well as by colour. */
    public static Stroke stroke(String targetId, float width) {
        int index =
                Target.byId(targetId).map(t -> family(t.module()).indexOf(t)).orElse(0);
        float[][] dashes = {null, {6f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f}};
        float[] dash = dashes[index % dashes.length];
        return dash == null
                ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** The colour as CSS ({@code #1f5fa8}), for the page's tables. */
    public static String css(String targetId) {
        Color c = color(targetId);
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static List<Target> family(Target.Module module) {
        return java.util.Arrays.stream(Target.values())
                .filter(t -> t.module() == module)
                .toList();
    }

    static float hue(Target.Module module) {
        int i = module.ordinal();
        // golden-angle steps keep a later module's hue away from the first three
        return i < MODULE_HUES.length ? MODULE_HUES[i] : (MODULE_HUES[0] + 137.5f * i) % 360f;
    }

    static Color hsl(float hueDegrees, float s, float l) {
        float c = (1 - Math.abs(2 * l - 1)) * s;
        float h = ((hueDegrees % 360f) + 360f) % 360f / 60f;
        float x = c * (1 - Math.abs(h % 2 - 1));
        float m = l - c / 2;
        float[] rgb = switch ((int) h) {
            case 0 -> new float[] {c, x, 0};
            case 1 -> new float[] {x, c, 0};
            case 2 -> new float[] {0, c, x};
            case 3 -> new float[] {0, x, c};
            case 4 -> new float[] {x, 0, c};
            default -> new float[] {c, 0, x};
        };
        return new Color(clamp(rgb[0] + m), clamp(rgb[1] + m), clamp(rgb[2] + m));
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
