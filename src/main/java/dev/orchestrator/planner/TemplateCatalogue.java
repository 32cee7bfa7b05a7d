package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchestrator.Json;
import dev.orchestrator.plan.Effort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The heuristic planner's catalogue of task templates, read from {@code templates.json} next to
 * this class: every template once by key, each domain's layout and extras, the task a mentioned
 * capability brings, and the standard extras that fill a plan up to its band's minimum.
 *
 * <p>The layouts keep the rules that make parallel work safe: templates of one phase own disjoint
 * paths, a component's paths live under its own slug, and shared work sits beside component work
 * ({@code src/server/app/**} next to {@code src/server/features/{slug}/**}), so tasks that may run
 * at the same time never claim the same file. The file is read strictly (an unknown field or a
 * missing template is an error), and tests check every layout against these rules. Immutable.
 */
final class TemplateCatalogue {

  static final String RESOURCE = "templates.json";

  // The file's shape. Field names are the JSON's; strings become enums after reading, so that an
  // error names the template.
  record Entry(
      String phase,
      String presence,
      String side,
      Boolean standalone,
      Integer priority,
      String effort,
      String name,
      String description,
      List<String> files,
      List<String> criteria) {}

  record DomainEntry(List<String> layout, List<String> extras) {}

  record Document(
      Map<String, Entry> templates,
      Map<String, DomainEntry> domains,
      Map<String, String> capabilities,
      @JsonProperty("extras") List<String> commonExtras) {}

  private final Map<String, TaskTemplate> templates;
  private final Map<Domain, List<TaskTemplate>> layouts = new EnumMap<>(Domain.class);
  private final Map<Domain, List<TaskTemplate>> domainExtras = new EnumMap<>(Domain.class);
  private final Map<Capability, TaskTemplate> capabilities = new EnumMap<>(Capability.class);
  private final List<TaskTemplate> extras;

  private TemplateCatalogue(Document document) {
    requireNonNull(document.templates(), "templates");
    templates = new LinkedHashMap<>();
    document.templates().forEach((key, entry) -> templates.put(key, template(key, entry)));
    for (Domain domain : Domain.values()) {
      DomainEntry entry = document.domains().get(domain.name());
      if (entry == null) {
        throw new IllegalStateException(RESOURCE + " has no layout for " + domain);
      }
      layouts.put(domain, lookUp(entry.layout()));
      domainExtras.put(domain, lookUp(entry.extras()));
    }
    document
        .capabilities()
        .forEach((name, key) -> capabilities.put(Capability.valueOf(name), lookUp(key)));
    extras = lookUp(document.commonExtras());
  }

  /**
   * The catalogue of the class path, read once and only when a plan is first made: commands that
   * never plan (run --plan, resume, verify) still construct the default planner.
   */
  static TemplateCatalogue load() {
    return Loaded.CATALOGUE;
  }

  private static final class Loaded {
    static final TemplateCatalogue CATALOGUE = read();
  }

  private static TemplateCatalogue read() {
    try (InputStream in = TemplateCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new TemplateCatalogue(Json.mapper().readValue(in, Document.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the planner's " + RESOURCE, e);
    }
  }

  /** Every template of the domain's layout, in layout order. */
  List<TaskTemplate> layout(Domain domain) {
    return layouts.get(domain);
  }

  /** Extras of the domain, tried before the common ones when a plan is short of tasks. */
  List<TaskTemplate> extras(Domain domain) {
    return domainExtras.get(domain);
  }

  /** Standard extras, in the order they are added to a plan that is short of tasks. */
  List<TaskTemplate> extras() {
    return extras;
  }

  /** The work a mentioned capability brings, if it is more than a component or a score. */
  Optional<TaskTemplate> forCapability(Capability capability) {
    return Optional.ofNullable(capabilities.get(capability));
  }

  /** Every template, for checks of the catalogue. */
  List<TaskTemplate> all() {
    return List.copyOf(templates.values());
  }

  private List<TaskTemplate> lookUp(List<String> keys) {
    List<TaskTemplate> found = new ArrayList<>();
    requireNonNull(keys, "a list of template keys").forEach(key -> found.add(lookUp(key)));
    return List.copyOf(found);
  }

  private TaskTemplate lookUp(String key) {
    TaskTemplate template = templates.get(key);
    if (template == null) {
      throw new IllegalStateException(RESOURCE + " refers to an unknown template \"" + key + "\"");
    }
    return template;
  }

  private static TaskTemplate template(String key, Entry entry) {
    Layer layer = constant(Layer.class, key, "phase", entry.phase());
    Effort effort =
        Effort.fromLabel(String.valueOf(entry.effort()))
            .orElseThrow(
                () -> new IllegalStateException(key + ": effort must be low, medium or high"));
    return new TaskTemplate(
        key,
        layer,
        constant(TaskTemplate.Presence.class, key, "presence", entry.presence()),
        constant(Stack.Side.class, key, "side", entry.side()),
        Boolean.TRUE.equals(entry.standalone()),
        entry.priority() != null ? entry.priority() : layer.priority(),
        requireNonNull(entry.name(), key + ": name"),
        effort,
        requireNonNull(entry.description(), key + ": description"),
        requireNonNull(entry.files(), key + ": files"),
        requireNonNull(entry.criteria(), key + ": criteria"));
  }

  private static <E extends Enum<E>> E constant(
      Class<E> type, String key, String field, String value) {
    try {
      return Enum.valueOf(type, String.valueOf(value).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(key + ": unknown " + field + " \"" + value + "\"", e);
    }
  }
}
