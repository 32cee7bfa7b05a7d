package dev.orchestrator.planner;

import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.planner.repository.SourceLayout;
import dev.orchestrator.planner.repository.TrackedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drafts the tasks of a change to an existing repository, offline, from the requirement's words and
 * the repository's map. Each part the requirement names (or the change as a whole when it names
 * none) gets a task that creates its new code where the layout puts it and changes the existing
 * files whose names match its words, and a task for its tests beside the repository's own; one last
 * task wires the parts in where several of them touch the same existing file, and updates the
 * README and the build file. An existing file is owned by one task only.
 */
final class RepositoryDrafter {

  /** A word that matches more files than this names nothing in particular, and claims none. */
  static final int MAX_MATCHES = 8;

  private static final int PATH_WORDS = 2;
  private static final Pattern TEST_NAME =
      Pattern.compile(
          "(?i)(?:.*/)?(?:test_[^/]*|[^/]*(?:_test|Test|Tests|IT)\\.[^/.]+|[^/]*\\.(?:test|spec)\\.[^/]+)");
  private static final Set<String> TEST_DIRECTORIES = Set.of("test", "tests", "__tests__", "spec");

  /** The drafts, and which word matched which existing file, for the plan's notes. */
  record Drafting(List<TaskDraft> drafts, Map<String, String> matches, List<String> tooGeneral) {}

  /**
   * A part of the change.
   *
   * @param words name its new paths
   * @param matchWords select the existing files it changes
   */
  private record Part(String name, String slug, List<String> words, List<String> matchWords) {}

  Drafting draft(Requirement requirement, RepositoryMap map) {
    SourceLayout layout = map.layout();
    List<TrackedFile> candidates =
        map.files().stream().filter(f -> f.isSource() && !f.isVendored()).toList();
    List<String> allWords = PathWords.keyWords(requirement.text());
    List<String> tooGeneral = new ArrayList<>();
    for (String word : allWords) {
      if (matching(candidates, List.of(word)).size() > MAX_MATCHES) {
        tooGeneral.add(word);
      }
    }
    List<Part> parts = parts(requirement, candidates, allWords, tooGeneral);
    // Each existing file goes to the one part whose words match it; files of several parts, and
    // files that only the requirement's other words match, go to the integration task, which runs
    // after every part.
    Map<String, List<Integer>> owners = new LinkedHashMap<>();
    Map<String, String> matches = new LinkedHashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      List<String> words =
          parts.get(p).matchWords().stream().filter(w -> !tooGeneral.contains(w)).toList();
      for (TrackedFile file : candidates) {
        String word = matchingWord(file.path(), words);
        if (word != null) {
          owners.computeIfAbsent(file.path(), k -> new ArrayList<>()).add(p);
          matches.putIfAbsent(file.path(), word);
        }
      }
    }
    List<String> otherWords = allWords.stream().filter(w -> !tooGeneral.contains(w)).toList();
    for (TrackedFile file : candidates) {
      String word = owners.containsKey(file.path()) ? null : matchingWord(file.path(), otherWords);
      if (word != null) {
        owners.put(file.path(), List.of(-1));
        matches.put(file.path(), word);
      }
    }
    List<TaskDraft> drafts = new ArrayList<>();
    List<TaskDraft> tests = new ArrayList<>();
    Set<String> shared = new LinkedHashSet<>();
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      List<String> code = new ArrayList<>(layout.codeClaims(part.words()));
      List<String> testFiles = new ArrayList<>(layout.testClaims(part.words()));
      for (Map.Entry<String, List<Integer>> owner : owners.entrySet()) {
        if (owner.getValue().size() > 1 || owner.getValue().get(0) < 0) {
          shared.add(owner.getKey());
        } else if (owner.getValue().get(0) == p) {
          (isTest(owner.getKey(), layout) ? testFiles : code).add(owner.getKey());
        }
      }
      drafts.add(partDraft(part, code, layout, requirement.text()));
      tests.add(
          testDraft(
              part, testFiles, layout, parts.size() == 1 && requirement.components().isEmpty()));
    }
    drafts.addAll(tests);
    List<String> integration = new ArrayList<>(shared);
    map.buildFiles().stream().filter(f -> !f.contains("/")).findFirst().ifPresent(integration::add);
    if (map.readme() != null) {
      integration.add(map.readme().path());
    }
    if (!integration.isEmpty()) {
      drafts.add(integrationDraft(integration, shared, layout));
    }
    return new Drafting(drafts, matches, tooGeneral);
  }

  // The components the requirement names, or the change as one part named by its words.
  private static List<Part> parts(
      Requirement requirement,
      List<TrackedFile> candidates,
      List<String> allWords,
      List<String> tooGeneral) {
    List<Part> parts = new ArrayList<>();
    Set<String> slugs = new LinkedHashSet<>();
    for (Component component : requirement.components()) {
      List<String> words = PathWords.forPaths(List.of(component.slug().split("-")), PATH_WORDS);
      String slug = String.join("-", words);
      if (!words.isEmpty() && slugs.add(slug)) {
        parts.add(new Part(component.title(), slug, words, PathWords.keyWords(component.name())));
      }
    }
    if (!parts.isEmpty()) {
      return parts;
    }
    // New code is named after the words that name nothing existing: "rate limiting" of "Add rate
    // limiting to the API" when the API exists.
    List<String> fresh =
        allWords.stream()
            .filter(w -> !tooGeneral.contains(w) && matching(candidates, List.of(w)).isEmpty())
            .toList();
    List<String> words = PathWords.forPaths(fresh.isEmpty() ? allWords : fresh, PATH_WORDS);
    if (words.isEmpty()) {
      words = List.of("change");
    }
    String name = requirement.text();
    return List.of(
        new Part(
            name.length() <= 80 ? name : name.substring(0, 79) + "…",
            String.join("-", words),
            words,
            allWords));
  }

  private static List<String> matching(List<TrackedFile> files, List<String> words) {
    return files.stream()
        .map(TrackedFile::path)
        .filter(p -> matchingWord(p, words) != null)
        .toList();
  }

  private static String matchingWord(String path, List<String> words) {
    Set<String> stems = PathWords.nameStems(path);
    return words.stream().filter(w -> stems.contains(PathWords.stem(w))).findFirst().orElse(null);
  }

  static boolean isTest(String path, SourceLayout layout) {
    if (!layout.testRoot().isEmpty()
        && !layout.testRoot().equals(layout.sourceRoot())
        && path.startsWith(layout.testRoot() + "/")) {
      return true;
    }
    return TEST_NAME.matcher(path).matches()
        || List.of(path.split("/")).stream().anyMatch(TEST_DIRECTORIES::contains);
  }

  private static TaskDraft partDraft(
      Part part, List<String> files, SourceLayout layout, String requirement) {
    List<String> existing = files.stream().filter(f -> !f.contains("*")).toList();
    String description =
        "Make the change the requirement asks for"
            + (part.name().equals(requirement) ? "" : " in its part \"" + part.name() + "\"")
            + ", in this repository ("
            + layout.describe()
            + "): new code goes to "
            + String.join(" or ", layout.codeClaims(part.words()))
            + (existing.isEmpty()
                ? ""
                : "; change the existing " + String.join(", ", existing) + " where it needs to")
            + ". Follow the repository's conventions; leave its tests to the tests task.";
    return new TaskDraft(
        List.of(part.name()),
        description,
        Layer.PART,
        2,
        List.of(part.slug()),
        false,
        List.of("repository-part"),
        false,
        Duration.ofHours(1),
        files,
        List.of(
            "The repository does what the requirement asks: " + requirement,
            "The code builds and the repository's existing tests still pass" + command(layout)));
  }

  private static TaskDraft testDraft(
      Part part, List<String> files, SourceLayout layout, boolean wholeChange) {
    return new TaskDraft(
        List.of(wholeChange ? "Tests of the change" : part.name() + " tests"),
        "Test the new behaviour of \""
            + part.name()
            + "\" beside the repository's own tests, in "
            + String.join(" or ", layout.testClaims(part.words()))
            + ", in the style the existing tests use.",
        Layer.TESTS,
        3,
        List.of(part.slug()),
        false,
        List.of("repository-tests"),
        false,
        Duration.ofMinutes(30),
        files,
        List.of(
            "Tests cover the new behaviour, including invalid input",
            "The repository's tests pass" + command(layout)));
  }

  private static TaskDraft integrationDraft(
      List<String> files, Set<String> shared, SourceLayout layout) {
    return new TaskDraft(
        List.of("Wire in and document the change"),
        "Once the parts are built, connect them where the existing code needs it"
            + (shared.isEmpty()
                ? ""
                : " (" + String.join(", ", shared) + ", which several parts need)")
            + ", add any dependency they need to the build file, and describe the change in the"
            + " README.",
        Layer.VERIFICATION,
        4,
        List.of(),
        true,
        List.of("repository-integration"),
        false,
        Duration.ofMinutes(30),
        files,
        List.of(
            "The new parts are reachable from the existing entry points",
            "The README describes the change",
            "The repository's tests pass" + command(layout)));
  }

  private static String command(SourceLayout layout) {
    return layout.testCommand() == null ? "" : " (" + layout.testCommand() + ")";
  }
}
