package dev.orchestrator.temporal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a task's dependency bundles into {@link DependencyPage}s (the workflow's side) and joins
 * them again (the worker's side). Pure: the same bundles and cursor give the same page.
 */
final class DependencyPages {

  /**
   * The most bytes one answer carries, about: a workflow task's reply carries every query answered
   * meanwhile, and gRPC refuses a reply over 4 MB, so about 30 answers fit at once.
   */
  static final int ANSWER_BYTES = 128 * 1024;

  /** A part's bytes besides its piece, generously: field names, task id, hash, size. */
  private static final int PART_OVERHEAD = 256;

  /** Sends a question for one page; the workflow's query. */
  @FunctionalInterface
  interface Asker {
    DependencyPage ask(int bundle, int offset);
  }

  private DependencyPages() {}

  /**
   * The page of {@code bundles} starting at the given bundle and byte of its zip.
   *
   * @throws IllegalArgumentException if the cursor is outside the bundles
   */
  static DependencyPage page(List<Bundle> bundles, int bundle, int offset) {
    if (bundle < 0 || bundle > bundles.size() || (bundle == bundles.size() && offset != 0)) {
      throw new IllegalArgumentException(
          "no dependency page at bundle " + bundle + " of " + bundles.size());
    }
    List<DependencyPage.Part> parts = new ArrayList<>();
    // Base64 in JSON: 3 bytes of zip take 4 of the answer.
    int room = ANSWER_BYTES;
    int b = bundle;
    int at = offset;
    while (b < bundles.size() && room > PART_OVERHEAD) {
      Bundle next = bundles.get(b);
      byte[] zip = next.inline() ? next.zip() : new byte[0];
      if (at < 0 || at > zip.length || (at > 0 && at == zip.length)) {
        throw new IllegalArgumentException(
            "no byte " + at + " in the files of " + next.taskId() + " (" + zip.length + " bytes)");
      }
      int take = Math.min(zip.length - at, (room - PART_OVERHEAD) / 4 * 3);
      if (take == 0 && at < zip.length) {
        break; // no room for a byte: the next page goes on
      }
      parts.add(
          new DependencyPage.Part(
              next.taskId(),
              next.sha256(),
              next.size(),
              next.inline(),
              at,
              Arrays.copyOfRange(zip, at, at + take)));
      room -= PART_OVERHEAD + (take + 2) / 3 * 4;
      at += take;
      if (at == zip.length) {
        b++;
        at = 0;
      }
    }
    return b == bundles.size()
        ? new DependencyPage(parts, -1, 0)
        : new DependencyPage(parts, b, at);
  }

  /** Asks page after page and joins them: the bundles, in the order the workflow keeps them. */
  static List<Bundle> collect(Asker asker) {
    List<Bundle> bundles = new ArrayList<>();
    DependencyPage.Part first = null;
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    DependencyPage page = asker.ask(0, 0);
    while (true) {
      for (DependencyPage.Part part : page.parts()) {
        // A bundle starts at byte 0; a later piece of it goes on where the last one ended.
        if (part.offset() == 0) {
          if (first != null) {
            bundles.add(bundleOf(first, zip));
          }
          first = part;
          zip.reset();
        } else if (first == null
            || !first.taskId().equals(part.taskId())
            || part.offset() != zip.size()) {
          throw new IllegalStateException(
              "the files of " + part.taskId() + " arrived out of order; ask again");
        }
        zip.writeBytes(part.piece());
      }
      if (page.last()) {
        break;
      }
      page = asker.ask(page.nextBundle(), page.nextOffset());
    }
    if (first != null) {
      bundles.add(bundleOf(first, zip));
    }
    return bundles;
  }

  private static Bundle bundleOf(DependencyPage.Part first, ByteArrayOutputStream zip) {
    return new Bundle(
        first.taskId(), first.inline() ? zip.toByteArray() : null, first.sha256(), first.size());
  }
}
