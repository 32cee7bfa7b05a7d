package dev.orchestrator.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.converter.GlobalDataConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DependencyPagesTest {

  static Bundle reference(int task) {
    byte[] zip = ("files of task " + task).getBytes();
    return new Bundle("task_" + task, null, Bundles.sha256(zip), zip.length);
  }

  static Bundle inline(int task, int length) {
    byte[] zip = new byte[length];
    new Random(task).nextBytes(zip);
    return new Bundle("task_" + task, zip, Bundles.sha256(zip), zip.length);
  }

  /** Every page the workflow gives for these bundles, in order, as a worker asks them. */
  static List<DependencyPage> pages(List<Bundle> bundles) {
    List<DependencyPage> pages = new ArrayList<>();
    DependencyPages.collect(
        (bundle, offset) -> {
          DependencyPage page = DependencyPages.page(bundles, bundle, offset);
          pages.add(page);
          return page;
        });
    return pages;
  }

  static long answerBytes(DependencyPage page) {
    return GlobalDataConverter.get().toPayload(page).orElseThrow().getSerializedSize();
  }

  @Nested
  @DisplayName("an answer stays within the answer size whatever it carries")
  class Small {

    @Test
    void thousands_of_references_take_several_small_pages() {
      List<Bundle> bundles = IntStream.rangeClosed(1, 5_000).mapToObj(t -> reference(t)).toList();

      List<DependencyPage> pages = pages(bundles);

      assertThat(pages).hasSizeGreaterThan(1);
      assertThat(pages)
          .allSatisfy(
              page -> assertThat(answerBytes(page)).isLessThan(DependencyPages.ANSWER_BYTES));
    }

    @Test
    void a_file_bundle_near_the_payload_limit_is_split_into_pieces() {
      List<Bundle> bundles = List.of(inline(1, 100), inline(2, 1_400_000), inline(3, 10));

      List<DependencyPage> pages = pages(bundles);

      assertThat(pages).hasSizeGreaterThan(10);
      assertThat(pages)
          .allSatisfy(
              page -> assertThat(answerBytes(page)).isLessThan(DependencyPages.ANSWER_BYTES));
    }
  }

  @Test
  void a_worker_joins_the_pages_into_the_bundles_the_workflow_holds() {
    Bundle twin = inline(7, 300_000);
    Bundle sameBytesOtherTask = new Bundle("task_8", twin.zip(), twin.sha256(), twin.size());
    List<Bundle> bundles =
        List.of(reference(1), inline(2, 0), twin, sameBytesOtherTask, reference(3), inline(4, 5));

    List<Bundle> joined =
        DependencyPages.collect((bundle, offset) -> DependencyPages.page(bundles, bundle, offset));

    assertThat(joined).hasSize(bundles.size());
    for (int i = 0; i < bundles.size(); i++) {
      Bundle expected = bundles.get(i);
      Bundle actual = joined.get(i);
      assertThat(actual.taskId()).isEqualTo(expected.taskId());
      assertThat(actual.sha256()).isEqualTo(expected.sha256());
      assertThat(actual.size()).isEqualTo(expected.size());
      assertThat(actual.inline()).isEqualTo(expected.inline());
      if (expected.inline()) {
        assertThat(actual.zip()).isEqualTo(expected.zip());
      }
    }
  }

  @Test
  void no_dependencies_are_one_empty_page() {
    assertThat(pages(List.of()))
        .singleElement()
        .satisfies(page -> assertThat(page.parts()).isEmpty());
  }

  @Test
  void a_cursor_outside_the_bundles_is_refused_naming_it() {
    List<Bundle> bundles = List.of(inline(1, 10));

    assertThatThrownBy(() -> DependencyPages.page(bundles, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bundle 2 of 1");
    assertThatThrownBy(() -> DependencyPages.page(bundles, 0, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no byte 11 in the files of task_1");
  }
}
