package dev.orchestrator.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads JUnit XML, the report format pytest ({@code --junitxml}), Maven Surefire, Gradle and Node's
 * {@code junit} test reporter share: every {@code <testcase>}, with a {@code <failure>}, {@code
 * <error>} or {@code <skipped>} child when it did not pass.
 */
final class JUnitReports {

  private JUnitReports() {}

  /**
   * The test cases of one report file.
   *
   * @throws IOException if the file cannot be read or is not XML
   */
  static List<TestCase> read(Path file) throws IOException {
    List<TestCase> cases = new ArrayList<>();
    NodeList testcases;
    try {
      testcases = builder().parse(file.toFile()).getElementsByTagName("testcase");
    } catch (SAXException e) {
      throw new IOException(file + " is not a readable JUnit XML report: " + e.getMessage(), e);
    }
    for (int i = 0; i < testcases.getLength(); i++) {
      cases.add(testCase((Element) testcases.item(i)));
    }
    return cases;
  }

  private static TestCase testCase(Element element) {
    String name = element.getAttribute("name");
    String file = attribute(element, "file");
    String className = attribute(element, "classname");
    String qualified =
        file != null ? file + "::" + name : className != null ? className + "." + name : name;
    TestCase.Outcome outcome = TestCase.Outcome.PASSED;
    StringBuilder detail = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (!(child instanceof Element e)) {
        continue;
      }
      TestCase.Outcome found =
          switch (e.getTagName()) {
            case "failure" -> TestCase.Outcome.FAILED;
            case "error" -> TestCase.Outcome.ERROR;
            case "skipped" -> TestCase.Outcome.SKIPPED;
            default -> null;
          };
      if (found != null) {
        // An error outranks a failure, a failure a skip: pytest reports a test that failed in
        // teardown with both.
        if (found.ordinal() > outcome.ordinal()) {
          outcome = found;
        }
        String message = e.getAttribute("message");
        if (!message.isEmpty()) {
          detail.append(message).append('\n');
        }
        detail.append(e.getTextContent().strip()).append('\n');
      } else if (e.getTagName().equals("system-out") || e.getTagName().equals("system-err")) {
        detail.append(e.getTextContent().strip()).append('\n');
      }
    }
    return new TestCase(
        qualified,
        file,
        className,
        outcome,
        outcome == TestCase.Outcome.PASSED ? "" : detail.toString().strip());
  }

  private static String attribute(Element element, String name) {
    String value = element.getAttribute(name);
    return value.isEmpty() ? null : value;
  }

  /**
   * A parser that reads no external entity or DTD: the reports were written by code the agents
   * wrote, and JaCoCo's reports name a DTD that is not there.
   */
  static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e; // and print nothing to standard error
            }
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }
}
