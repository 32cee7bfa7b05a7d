package dev.orchestrator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DependencyOutputsTest {

  @Test
  void gathers_the_outputs_once_on_first_read_and_never_for_an_agent_that_does_not_look() {
    AtomicInteger gathered = new AtomicInteger();
    Map<String, List<Path>> source = new LinkedHashMap<>();
    source.put("task_2", List.of(Path.of("/raw/task_2/b.py")));
    source.put("task_1", List.of(Path.of("/raw/task_1/a.py")));
    Map<String, List<Path>> outputs =
        DependencyOutputs.lazily(
            () -> {
              gathered.incrementAndGet();
              return source;
            });

    Map<String, List<Path>> copied = DependencyOutputs.copyOf(outputs);
    assertThat(gathered).as("copying does not gather").hasValue(0);

    assertThat(copied.keySet()).containsExactly("task_2", "task_1");
    assertThat(copied.get("task_1")).containsExactly(Path.of("/raw/task_1/a.py"));
    assertThat(gathered).hasValue(1);
  }
}
