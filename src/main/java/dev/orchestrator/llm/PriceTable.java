package dev.orchestrator.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestrator.ConfigurationException;
import dev.orchestrator.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices of models, read from JSON:
 *
 * <pre>{@code
 * {"models": {"claude-sonnet-4-5": {"input": 3.00, "output": 15.00,
 *                                   "cache_read": 0.30, "cache_write": 3.75}}}
 * }</pre>
 *
 * <p>US dollars per million tokens; {@code cache_read} and {@code cache_write} default to the input
 * price. A model matches its own entry, or the entry it is a dated snapshot of ({@code
 * claude-sonnet-4-5-20250929}, {@code gpt-4o-2024-08-06}, {@code -latest}); nothing else, so a new
 * model is never priced as its older sibling but has no price. The built-in table is a resource of
 * this package; {@code --price-table FILE} adds to it and overrides it. Immutable.
 */
public final class PriceTable {

  private static final String RESOURCE = "prices.json";
  private static final Pattern SNAPSHOT = Pattern.compile("(.+?)-(\\d{4}-?\\d{2}-?\\d{2}|latest)");

  private final Map<String, ModelPrice> prices;

  private PriceTable(Map<String, ModelPrice> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The prices shipped with the orchestrator. */
  public static PriceTable builtIn() {
    try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing");
      }
      return parse(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the resource " + RESOURCE, e);
    }
  }

  /**
   * Reads a price table file.
   *
   * @throws ConfigurationException if it cannot be read or is not a valid table, listing every
   *     problem
   */
  public static PriceTable read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot read the price table " + file + " (" + e.getMessage() + "); check --price-table");
    }
    return parse(text, file.toString());
  }

  static PriceTable parse(String json, String source) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new ConfigurationException(
          "the price table " + source + " is not valid JSON: " + e.getMessage());
    }
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isObject()) {
      throw new ConfigurationException(
          "the price table " + source + " has no \"models\" object; see the built-in prices.json");
    }
    Map<String, ModelPrice> prices = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : models.properties()) {
      String model = entry.getKey();
      JsonNode price = entry.getValue();
      BigDecimal input = number(price, "input", null, model, problems);
      BigDecimal output = number(price, "output", null, model, problems);
      if (input != null && output != null) {
        prices.put(
            model,
            new ModelPrice(
                input,
                output,
                number(price, "cache_read", input, model, problems),
                number(price, "cache_write", input, model, problems)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(
          "the price table " + source + " has problems: " + String.join("; ", problems));
    }
    return new PriceTable(prices);
  }

  private static BigDecimal number(
      JsonNode price, String field, BigDecimal fallback, String model, List<String> problems) {
    JsonNode value = price.get(field);
    if (value == null || value.isNull()) {
      if (fallback == null) {
        problems.add(model + " has no \"" + field + "\" price");
      }
      return fallback;
    }
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      problems.add(
          model + " has " + field + " = " + value + "; use dollars per million tokens, e.g. 3.00");
      return fallback;
    }
    return value.decimalValue();
  }

  /** This table with the other's entries added, replacing entries of the same model. */
  public PriceTable overriddenBy(PriceTable other) {
    Map<String, ModelPrice> merged = new LinkedHashMap<>(prices);
    merged.putAll(other.prices);
    return new PriceTable(merged);
  }

  /** The price of a model, empty when the table has none (a local model, a new release). */
  public Optional<ModelPrice> priceOf(String model) {
    ModelPrice exact = prices.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    Matcher snapshot = SNAPSHOT.matcher(model);
    return snapshot.matches()
        ? Optional.ofNullable(prices.get(snapshot.group(1)))
        : Optional.empty();
  }
}
