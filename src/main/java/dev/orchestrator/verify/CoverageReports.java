package dev.orchestrator.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads line coverage from the reports the toolchains write, as counts so that the suites of one
 * project add up. Each reader returns null when the report measured no line at all.
 */
final class CoverageReports {

  private CoverageReports() {}

  /** The coverage of a report of the given kind. */
  static Lines read(Coverage kind, Path report) throws IOException {
    return switch (kind) {
      case COVERAGE_PY -> coveragePy(report);
      case LCOV -> lcov(report);
      case JACOCO -> jacoco(report);
      case GO_PROFILE -> goProfile(report);
    };
  }

  /** The kinds of coverage report. */
  enum Coverage {
    /** {@code coverage json}: {@code totals.covered_lines} over {@code totals.num_statements}. */
    COVERAGE_PY,
    /** LCOV tracefile (Node's {@code lcov} reporter): the sums of {@code LH} over {@code LF}. */
    LCOV,
    /** JaCoCo XML: the report's own {@code LINE} counter. */
    JACOCO,
    /** {@code go test -coverprofile}: covered statements over statements. */
    GO_PROFILE
  }

  static Lines coveragePy(Path report) throws IOException {
    JsonNode totals = Json.mapper().readTree(report.toFile()).path("totals");
    return ratio(totals.path("covered_lines").asLong(), totals.path("num_statements").asLong());
  }

  static Lines lcov(Path report) throws IOException {
    long found = 0;
    long hit = 0;
    try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("LF:")) {
          found += Long.parseLong(line.substring(3).strip());
        } else if (line.startsWith("LH:")) {
          hit += Long.parseLong(line.substring(3).strip());
        }
      }
    }
    return ratio(hit, found);
  }

  static Lines jacoco(Path report) throws IOException {
    Element root;
    try {
      root = JUnitReports.builder().parse(report.toFile()).getDocumentElement();
    } catch (SAXException e) {
      throw new IOException(report + " is not a readable JaCoCo report: " + e.getMessage(), e);
    }
    // The report's own counters are its last direct children; packages have their own.
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element counter
          && counter.getTagName().equals("counter")
          && counter.getAttribute("type").equals("LINE")) {
        long missed = Long.parseLong(counter.getAttribute("missed"));
        long covered = Long.parseLong(counter.getAttribute("covered"));
        return ratio(covered, missed + covered);
      }
    }
    return null;
  }

  static Lines goProfile(Path report) throws IOException {
    // A block appears once per test binary that covers its package; it counts once.
    Map<String, long[]> blocks = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.strip().split(" ");
        if (line.startsWith("mode:") || parts.length != 3) {
          continue;
        }
        long statements = Long.parseLong(parts[1]);
        long count = Long.parseLong(parts[2]);
        blocks.merge(
            parts[0], new long[] {statements, count}, (a, b) -> new long[] {a[0], a[1] + b[1]});
      }
    }
    long total = 0;
    long covered = 0;
    for (long[] block : blocks.values()) {
      total += block[0];
      covered += block[1] > 0 ? block[0] : 0;
    }
    return ratio(covered, total);
  }

  private static Lines ratio(long covered, long total) {
    return total <= 0 ? null : new Lines(covered, total);
  }

  /** Covered lines (statements, for Go) of all measured ones. */
  record Lines(long covered, long total) {

    Lines plus(Lines other) {
      return new Lines(covered + other.covered, total + other.total);
    }

    /** Covered over total, rounded to 4 places. */
    double ratio() {
      return Math.round(covered * 10000.0 / total) / 10000.0;
    }
  }
}
