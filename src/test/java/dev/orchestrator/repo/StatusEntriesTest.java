package dev.orchestrator.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusEntriesTest {

  @Test
  void describes_each_kind_of_change_in_words() {
    List<String> fields =
        List.of(
            " M src/a.py",
            "M  staged.py",
            "A  new.py",
            " D gone.py",
            "R  new name.py",
            "old name.py",
            "UU both.py",
            "?? notes.txt");

    assertThat(StatusEntries.describe(fields))
        .containsExactly(
            "modified: src/a.py",
            "modified: staged.py",
            "added: new.py",
            "deleted: gone.py",
            "renamed: old name.py -> new name.py",
            "unmerged: both.py",
            "untracked: notes.txt");
  }
}
