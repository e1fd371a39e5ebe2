package dev.iolab.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Target;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTests {

    @Test
    void everyTargetHasItsOwnColour() {
        List<Color> colours = Arrays.stream(Target.values()).map(Palette::color).toList();
        assertThat(colours).doesNotHaveDuplicates().doesNotContain(Palette.UNKNOWN);
    }

    @Test
    void aTargetsColourIsTheSameInEveryCall() {
        assertThat(Palette.css("plain-epoll"))
                .isEqualTo(Palette.css("plain-epoll"))
                .matches("#[0-9a-f]{6}");
    }

    @Test
    void familiesAreHueBands() {
        // MVC blue, WebFlux green, plain-io orange-red: the hue of each target lies within its family's band
        for (Target t : Target.values()) {
            float hue = Color.RGBtoHSB(
                            Palette.color(t).getRed(),
                            Palette.color(t).getGreen(),
                            Palette.color(t).getBlue(),
                            null)[0]
                    * 360f;
            float centre = Palette.hue(t.module());
            float distance = Math.abs(((hue - centre) % 360 + 540) % 360 - 180);
            assertThat(distance).as(t.id() + " hue " + hue + " near " + centre).isLessThanOrEqualTo(25f);
        }
        assertThat(Palette.hue(Target.Module.BLOCKING_SERVICE))
                .isNotEqualTo(Palette.hue(Target.Module.REACTIVE_SERVICE));
        assertThat(Palette.hue(Target.Module.PLAIN_IO)).isNotEqualTo(Palette.hue(Target.Module.REACTIVE_SERVICE));
    }

    @Test
    void anIdOutsideTheRegistryIsGrey() {
        assertThat(Palette.color("somewhere-else")).isEqualTo(Palette.UNKNOWN);
    }
}
