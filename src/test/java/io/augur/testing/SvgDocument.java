package io.augur.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG parsed with the JDK's XML parser (so it must be well-formed), with lookups by class. */
public final class SvgDocument {

    private final Document doc;

    private SvgDocument(Document doc) {
        this.doc = doc;
    }

    public static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", d.getDocumentElement().getLocalName(), "root element");
            return new SvgDocument(d);
        } catch (Exception e) {
            throw new AssertionError("not a well-formed SVG document: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Elements (of any name, or of the given name when not null) whose class attribute lists {@code cls}. */
    public List<Element> byClass(String element, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", element == null ? "*" : element);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (Arrays.asList(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the single element of the class. */
    public String text(String cls) {
        List<Element> e = byClass(null, cls);
        assertEquals(1, e.size(), "one element of class " + cls);
        return e.get(0).getTextContent();
    }

    /** Texts of every element of the class. */
    public List<String> texts(String cls) {
        return byClass(null, cls).stream().map(Element::getTextContent).toList();
    }

    /** The data marks of the plot (elements of class mark), optionally of one element name. */
    public int marks(String element) {
        return byClass(element, "mark").size();
    }

    /** Title, caption and the legend's presence: what every plot must show. */
    public SvgDocument assertFramed(String title, boolean legend) {
        assertEquals(title, text("title"));
        assertTrue(!caption().isBlank(), "a caption");
        assertEquals(legend, !byClass(null, "legend").isEmpty(), "legend present: " + legend);
        return this;
    }

    /** The caption's lines joined. */
    public String caption() {
        return String.join(" ", texts("caption"));
    }
}
