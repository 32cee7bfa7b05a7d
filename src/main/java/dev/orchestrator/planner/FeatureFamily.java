package dev.orchestrator.planner;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kinds of product features that are built on the same data and screens: posts, comments and likes
 * are all content; login and profiles are both accounts. When a plan has more features than tasks,
 * features of one family are grouped first, so that a grouped task is still one coherent part of
 * the product that one agent can build.
 */
enum FeatureFamily {
  ACCOUNTS(
      "log-?ins?|auth\\w*|sign-?(?:up|in)s?|users?|profiles?|accounts?|members?|followers?"
          + "|friends?|roles?|permissions?|teams?|groups?"),
  CONTENT(
      "posts?|comments?|likes?|reactions?|tags?|reviews?|ratings?|articles?|pages?|media"
          + "|photos?|images?|videos?|galler(?:y|ies)|feeds?|bookmarks?|favou?rites?|shares?"
          + "|sharing"),
  MESSAGING("messages?|messaging|chats?|notifications?|e-?mails?|alerts?|inbox|conversations?"),
  COMMERCE(
      "payments?|billing|cart|checkout|orders?|invoices?|subscriptions?|catalog|products?"
          + "|pricing|coupons?|refunds?|shipping|inventory|wishlists?"),
  DISCOVERY("search|filters?|recommendations?|discovery|explore|trending"),
  ADMINISTRATION("admin|dashboards?|analytics|reports?|reporting|moderation|audit\\w*|settings");

  private final Pattern pattern;

  FeatureFamily(String words) {
    this.pattern = Keywords.of(words);
  }

  /** The families a component's slug names: "user-profiles" is an account feature. */
  static List<FeatureFamily> of(String slug) {
    String words = slug.replace('-', ' ');
    return Arrays.stream(values()).filter(family -> family.pattern.matcher(words).find()).toList();
  }

  /** Whether two sets of components share a family: each has one the other has too. */
  static boolean related(List<String> slugs, List<String> others) {
    List<FeatureFamily> families = slugs.stream().flatMap(s -> of(s).stream()).toList();
    return !families.isEmpty()
        && others.stream().flatMap(s -> of(s).stream()).anyMatch(families::contains);
  }
}
