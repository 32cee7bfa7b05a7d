package dev.orchestrator.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of the product a requirement names: the items of its lists ("with product
 * catalog, cart, and checkout", "microservices: user service, order service"), the parts its domain
 * knows by name ("extracts ... transforms ... loads" in a pipeline) and the features it mentions
 * anywhere ("with login").
 */
final class ComponentExtractor {

  // What introduces a list of parts. "for" does only right before a comma list ("microservices for
  // product, order and payment"); elsewhere it names users or purposes ("login for admins").
  private static final Pattern LIST_START =
      Pattern.compile(
          ":|\\b(?:with|including|includes|include|featuring|supporting|such as|consisting of"
              + "|comprising|that (?:has|have))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMA_LIST_START =
      Pattern.compile(LIST_START.pattern() + "|\\bfor\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATOR =
      Pattern.compile(",|;|&|\\b(?:and|or|plus|as well as)\\b", Pattern.CASE_INSENSITIVE);
  // An item ends where a clause about it begins: "login that uses OAuth" is "login".
  private static final Pattern CLAUSE =
      Pattern.compile(
          "\\b(?:that|which|who|where|to|for|using|so|into|from|via|by|within)\\b|[()\"]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?:\\s|$)");
  private static final Set<String> LEADING_WORDS =
      Set.of("with", "and", "or", "also", "a", "an", "the", "some", "plus", "its", "their", "etc");
  private static final Set<String> SHARED_HEADS =
      Set.of(
          "commands modules features components pages screens endpoints services stages steps"
              .split(" "));
  private static final int MAX_ITEM_WORDS = 4;

  /** The components of the requirement in the order it names them, without repeats. */
  List<Component> extract(String text, Domain domain, List<Capability.Mention> mentions) {
    List<Component> listed = listedItems(text);
    List<Component> all = new ArrayList<>(listed);
    all.addAll(domain.knownPartsIn(text, listed));
    for (Capability.Mention mention : mentions) {
      Capability capability = mention.capability();
      boolean named = all.stream().anyMatch(c -> capability.mentionedIn(c.name()));
      if (capability.kind() == Capability.Kind.FEATURE && !named) {
        all.add(Component.named(capability.label(), mention.position()));
      }
    }
    all.sort(Comparator.comparingInt(Component::position));
    Set<String> slugs = new HashSet<>();
    return all.stream().filter(c -> slugs.add(c.slug())).toList();
  }

  /** The items of the lists in the text that name parts of the product, not technologies. */
  private static List<Component> listedItems(String text) {
    List<Component> items = new ArrayList<>();
    int sentenceStart = 0;
    Matcher end = SENTENCE_END.matcher(text);
    while (sentenceStart < text.length()) {
      int sentenceEnd = end.find(sentenceStart) ? end.start() : text.length();
      listStart(text, sentenceStart, sentenceEnd)
          .ifPresent(start -> collectItems(text, start, sentenceEnd, items));
      sentenceStart = sentenceEnd + 1;
    }
    return items;
  }

  // Where the list of a sentence begins: after the last opener before its first comma, so that in
  // "an API for a library: books, members" the list is "books, members". A later opener, as in
  // "..., API gateway, with auth and monitoring", is inside the list and is stripped from its item.
  // Without a comma, after the first opener.
  private static Optional<Integer> listStart(String text, int from, int to) {
    int comma = text.indexOf(',', from);
    if (comma >= 0 && comma < to) {
      Matcher opener = COMMA_LIST_START.matcher(text).region(from, comma);
      Integer last = null;
      while (opener.find()) {
        last = opener.end();
      }
      if (last != null) {
        return Optional.of(last);
      }
    }
    Matcher opener = LIST_START.matcher(text).region(from, to);
    return opener.find() ? Optional.of(opener.end()) : Optional.empty();
  }

  private static void collectItems(String text, int from, int to, List<Component> items) {
    List<Component> list = new ArrayList<>();
    Matcher separator = SEPARATOR.matcher(text).region(from, to);
    int itemStart = from;
    while (itemStart < to) {
      int itemEnd = separator.find() ? separator.start() : to;
      item(text, itemStart, itemEnd).ifPresent(list::add);
      itemStart = itemEnd == to ? to : separator.end();
    }
    if (list.size() > 1) {
      list.set(list.size() - 1, withoutSharedHead(list.get(list.size() - 1)));
    }
    items.addAll(list);
  }

  // In "init, build and deploy commands" the last noun belongs to every item: the last item is
  // "deploy", like the others.
  private static Component withoutSharedHead(Component last) {
    int space = last.name().lastIndexOf(' ');
    if (space < 0) {
      return last;
    }
    String head = last.name().substring(space + 1).toLowerCase(Locale.ROOT);
    return SHARED_HEADS.contains(head)
        ? Component.named(last.name().substring(0, space), last.position())
        : last;
  }

  private static Optional<Component> item(String text, int from, int to) {
    Matcher clause = CLAUSE.matcher(text).region(from, to);
    int end = clause.find() ? clause.start() : to;
    List<String> words = new ArrayList<>(List.of(text.substring(from, end).trim().split("\\s+")));
    while (!words.isEmpty() && LEADING_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
      words.remove(0);
    }
    String name = String.join(" ", words).replaceAll("[\\p{Punct}&&[^/+#-]]+$", "").trim();
    if (name.isEmpty()
        || words.size() > MAX_ITEM_WORDS
        || LEADING_WORDS.contains(name.toLowerCase(Locale.ROOT))
        || Capability.isTechnical(name)) {
      return Optional.empty();
    }
    return Optional.of(Component.named(name, text.indexOf(name, from)));
  }
}
