package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FitPlotTest {

    @Test
    void drawsPointsHeldOutCurveAndBandAsWellFormedSvg() throws Exception {
        List<Observation> pts = SyntheticRecoveryTest.powerLawData(4, 20, 0.02);
        List<Observation> train = pts.subList(0, 15);
        List<Observation> held = pts.subList(15, 20);
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, train).withBootstrap(100, 1));
        String svg = FitPlot.render(fit, train, held, 1e11, "loss <vs> compute & more");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(15, doc.getElementsByTagName("circle").getLength());
        assertEquals(5, count(svg, "class=\"held-out\""));
        assertEquals(1, count(svg, "class=\"band\""));
        assertEquals(1, count(svg, "class=\"curve\""));
        assertTrue(svg.contains("loss &lt;vs&gt; compute &amp; more"));
        assertTrue(svg.contains(">1e11<"), "log axis reaches the forecast target");
    }

    @Test
    void refusesTwoInputForms() {
        List<Observation> pts = ComputeOptimalTest.grid();
        FitResult fit = CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(0, 1));
        assertThrows(InvalidInputException.class, () -> FitPlot.render(fit, pts, List.of(), Double.NaN, "x"));
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
