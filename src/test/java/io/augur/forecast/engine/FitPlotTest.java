package io.augur.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.stats.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG is parsed as XML and read by class: labels, legend entries, marks. */
class FitPlotTest {

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> byClass(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Document doc, String cls) {
        List<Element> e = byClass(doc, cls);
        assertEquals(1, e.size(), "one element of class " + cls);
        return e.get(0).getTextContent();
    }

    static List<String> legend(Document doc) {
        return byClass(doc, "legend-entry").stream().map(Element::getTextContent).toList();
    }

    @Test
    void drawsPointsHeldOutCurveBandLabelsAndLegend() throws Exception {
        List<Observation> pts = SyntheticRecoveryTest.powerLawData(4, 20, 0.02);
        List<Observation> train = pts.subList(0, 15);
        List<Observation> held = pts.subList(15, 20);
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, train).withBootstrap(100, 1));
        String svg = FitPlot.render(fit, train, held, 1e11, "loss <vs> compute & more",
                new FitPlot.Labels("training compute (FLOP)", "validation loss", false));
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(15, byClass(doc, "point").size());
        assertEquals(5, byClass(doc, "held-out").size());
        assertEquals(1, byClass(doc, "band").size());
        assertEquals(1, byClass(doc, "curve").size());
        assertEquals(0, byClass(doc, "chance").size());
        assertEquals("loss <vs> compute & more", text(doc, "title"));
        assertEquals("training compute (FLOP) (log scale)", text(doc, "x-label"));
        assertEquals("validation loss", text(doc, "y-label"));
        assertEquals(List.of("observed (fitted)", "held out", "fit: power_law", "95% bootstrap band of the curve"), legend(doc));
        List<String> xTicks = byClass(doc, "x-tick-label").stream().map(Element::getTextContent).toList();
        assertTrue(xTicks.contains("1e11"), "log axis reaches the forecast target: " + xTicks);
    }

    @Test
    void theDegenerateExampleKeepsTheAxisOnTheData() throws Exception {
        List<Observation> pts = DegenerateBootstrapTest.example();
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts.subList(0, 5)).withBootstrap(100, 3));
        Document doc = parse(FitPlot.render(fit, pts.subList(0, 5), pts.subList(5, 7), Double.NaN, "example"));
        // 12 of the 100 resamples are degenerate and left out (DegenerateBootstrapTest); the rest give the band
        assertEquals(12, fit.degenerateRounds());
        assertEquals(1, byClass(doc, "band").size());
        // the y axis follows the data: every tick lies within a loss range near the points
        for (Element t : byClass(doc, "y-tick-label")) {
            double v = Double.parseDouble(t.getTextContent());
            assertTrue(v > 1.5 && v < 5, "y tick " + v);
        }
    }

    @Test
    void aWideBandIsClippedToTheAxisAndTheNoteSaysSo() throws Exception {
        // two noisy points per decade over 3 decades: a wide but kept band extrapolated 4 decades further
        List<Observation> pts = SyntheticRecoveryTest.powerLawData(11, 12, 0.15);
        FitResult fit = CurveFitter.fit(FitSpec.of(SaturatingPowerLaw.INSTANCE, pts).withBootstrap(200, 5));
        Document doc = parse(FitPlot.render(fit, pts, List.of(), 1e16, "wide"));
        if (byClass(doc, "band").isEmpty()) {
            assertTrue(text(doc, "note").contains("withheld"));
            return;
        }
        List<Element> notes = byClass(doc, "note");
        boolean clipped = legend(doc).stream().anyMatch(s -> s.endsWith("(clipped)"));
        assertEquals(clipped, !notes.isEmpty() && notes.get(0).getTextContent().startsWith("band clipped to the axis"));
        // every band vertex lies inside the plot area
        for (String xy : byClass(doc, "band").get(0).getAttribute("points").split(" ")) {
            double y = Double.parseDouble(xy.split(",")[1]);
            assertTrue(y >= 30 && y <= 360, "band vertex at y = " + y);
        }
    }

    @Test
    void sigmoidShowsTheChanceLevelAndLogYAndShortLogRangesGetTicks() throws Exception {
        List<Observation> pts = new ArrayList<>();
        double[] xs = {1e20, 3e20, 1e21, 3e21, 1e22, 3e22, 1e23};
        for (double x : xs) {
            double u = Math.log10(x);
            pts.add(Observation.of(0.25 + 0.7 / (1 + Math.exp(-2 * (u - 21.5))), x));
        }
        FitResult fit = CurveFitter.fit(FitSpec.of(Sigmoid.ofLogX(0.25, 0.95), pts).withBootstrap(50, 1));
        Document doc = parse(FitPlot.render(fit, pts, List.of(), Double.NaN, "sigmoid",
                new FitPlot.Labels("training compute (FLOP)", "MMLU accuracy", true)));
        assertEquals(1, byClass(doc, "chance").size());
        assertTrue(legend(doc).contains("chance level 0.25"), legend(doc).toString());
        assertEquals("MMLU accuracy (log scale)", text(doc, "y-label"));
        // y spans 0.25 to 0.95: about half a decade, so 1-2-5 (or 1..9) ticks, not a lone "1e0"
        List<String> yTicks = byClass(doc, "y-tick-label").stream().map(Element::getTextContent).toList();
        assertTrue(yTicks.size() >= 2 && yTicks.contains("0.5"), yTicks.toString());
        // three decades of x: 1-2-5 ticks, labelled
        List<double[]> t = io.augur.plot.engine.Svg.ticks(Math.log10(2e17), Math.log10(8e17), true);
        assertEquals(List.of(2e17, 3e17, 4e17, 5e17, 6e17, 7e17, 8e17), t.stream().map(a -> a[1]).toList());
    }

    @Test
    void chinchillaIsLossAgainstComputeAlongTheOptimalAllocation() throws Exception {
        List<Observation> pts = ComputeOptimalTest.grid();
        FitResult fit = CurveFitter.fit(FitSpec.of(Chinchilla.INSTANCE, pts).withBootstrap(50, 1));
        Document doc = parse(FitPlot.render(fit, pts, List.of(), Double.NaN, "chinchilla"));
        assertEquals(pts.size(), byClass(doc, "point").size());
        assertEquals("training compute C = 6ND (FLOP) (log scale)", text(doc, "x-label"));
        assertEquals("loss", text(doc, "y-label"));
        assertTrue(legend(doc).contains("fit: chinchilla, loss at the compute-optimal N, D"), legend(doc).toString());
        // no point lies below the compute-optimal loss at its own compute (up to the fit's residuals)
        double worst = 0;
        for (Observation o : pts) {
            double opt = ComputeOptimal.of(fit, 6 * o.x(0) * o.x(1)).loss();
            worst = Math.max(worst, (opt - fit.value(o.x())) / opt);
        }
        assertTrue(worst <= 1e-9, "the fitted loss at any (N, D) is at least the optimum at its compute: " + worst);
    }

    @Test
    void logYRefusesValuesThatAreNotPositive() {
        List<Observation> pts = new ArrayList<>();
        double[] ys = {0, 0.1, 0.4, 0.8, 0.9};
        for (int i = 0; i < ys.length; i++) {
            pts.add(Observation.of(ys[i], Math.pow(10, 20 + i)));
        }
        FitResult fit = CurveFitter.fit(FitSpec.of(Sigmoid.ofLogX(0, 1), pts).withBootstrap(0, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FitPlot.render(fit, pts, List.of(), Double.NaN, "x",
                new FitPlot.Labels(null, null, true)));
        assertEquals("logY", e.field());
    }
}
