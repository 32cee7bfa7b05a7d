package dev.orchestrator.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.orchestrator.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fake {@code claude} for planner and end-to-end tests, a bash script speaking stream-json.
 *
 * <p>Asked with {@code --system-prompt} (a planning request), it answers the step its prompt names
 * ("# Complexity analysis" or "# Plan") with the reply the test gave for that step and round
 * ({@code analysis-0}, {@code plan-1}, ...; the last one given repeats), and keeps each call's
 * prompt and arguments as {@code <step>-<round>.prompt} and {@code .argv} beside itself. Asked
 * without, it executes the task its prompt names: writes {@code src/<task_id>.py} and a README,
 * reports one tool use, and ends with session {@code sess-<task_id>} and a cost of $0.02.
 */
public final class FakeClaude {

  /** A valid analysis: a moderate requirement in four tasks. */
  public static final String ANALYSIS =
      "{\"score\": 35, \"reasoning\": \"an API and a UI over one data model\","
          + " \"key_features_detected\": [\"todo items\"], \"technical_components\": [\"REST API\","
          + " \"web UI\"], \"num_tasks\": 4}";

  /** A valid plan of four tasks for {@link #ANALYSIS}, in a Markdown fence as models write. */
  public static final String PLAN =
      "Here is the plan:\n```json\n{\"tasks\": ["
          + task(1, "Data model", "src/models/**")
          + ", "
          + task(2, "REST API", "src/api/**")
          + ", "
          + task(3, "Web UI", "src/ui/**")
          + ", "
          + task(4, "Documentation", "docs/**")
          + "], \"dependencies\": {\"task_2\": [\"task_1\"], \"task_3\": [\"task_1\"],"
          + " \"task_4\": [\"task_2\", \"task_3\"]}, \"execution_strategy\": \"model first\","
          + " \"notes\": \"\"}\n```\n";

  private static final String SCRIPT =
      """
      prompt="$(cat)"
      if printf '%s\\n' "$@" | grep -q -- '^--system-prompt$'; then
        step=plan
        case "$prompt" in *"# Complexity analysis"*) step=analysis ;; esac
        n=$(cat "$here/$step.count" 2>/dev/null || echo 0)
        echo $((n + 1)) > "$here/$step.count"
        printf '%s' "$prompt" > "$here/$step-$n.prompt"
        printf '%s\\n' "$@" > "$here/$step-$n.argv"
        reply="$here/replies/$step-$n.json"
        [ -f "$reply" ] || reply=$(ls "$here/replies/$step"-*.json | sort | tail -n 1)
        echo '{"type":"system","subtype":"init","session_id":"plan","model":"claude-fake"}'
        printf '{"type":"result","subtype":"success","is_error":false,"num_turns":1,"session_id":"plan-%s-%s","total_cost_usd":0.01,"result":%s}\\n' "$step" "$n" "$(cat "$reply")"
        exit 0
      fi
      task=$(printf '%s' "$prompt" | grep -o -m 1 '## Your task: task_[0-9]*' | grep -o 'task_[0-9]*')
      mkdir -p src
      echo "def $task(): return '$task'" > "src/$task.py"
      echo "# $task" > README.md
      echo '{"type":"system","subtype":"init","session_id":"sess-'"$task"'","model":"claude-fake"}'
      echo '{"type":"assistant","message":{"id":"m1","content":[{"type":"tool_use","id":"t1","name":"Write","input":{"file_path":"src/'"$task"'.py"}}]}}'
      echo '{"type":"result","subtype":"success","is_error":false,"num_turns":2,"duration_ms":1500,"result":"built '"$task"'","session_id":"sess-'"$task"'","total_cost_usd":0.02,"usage":{"input_tokens":100,"output_tokens":50,"cache_read_input_tokens":1000,"cache_creation_input_tokens":200}}'
      """;

  private FakeClaude() {}

  /**
   * Writes the script as {@code claude} into a directory, with the replies of the planning steps.
   *
   * @param replies reply text by step and round, e.g. {@code "analysis-0"}, {@code "plan-0"}
   * @return the script
   */
  public static Path install(Path directory, Map<String, String> replies) throws IOException {
    Files.createDirectories(directory.resolve("replies"));
    for (Map.Entry<String, String> reply : replies.entrySet()) {
      Files.writeString(
          directory.resolve("replies/" + reply.getKey() + ".json"), quoted(reply.getValue()));
    }
    return FakeAgents.script(directory, "claude", SCRIPT);
  }

  /**
   * Writes another {@code claude} into a directory: a bash script with this body ({@code $here} is
   * its directory).
   */
  public static Path install(Path directory, String body) throws IOException {
    return FakeAgents.script(directory, "claude", body);
  }

  /** Installs it with the valid {@link #ANALYSIS} and {@link #PLAN}. */
  public static Path install(Path directory) throws IOException {
    return install(directory, Map.of("analysis-0", ANALYSIS, "plan-0", PLAN));
  }

  /** An environment whose PATH finds it, then the system's tools. */
  public static Map<String, String> environment(Path directory) {
    return FakeAgents.environment(directory);
  }

  /** What it was asked in a planning step and round: {@code "plan-1"}. */
  public static String prompt(Path directory, String call) throws IOException {
    return Files.readString(directory.resolve(call + ".prompt"));
  }

  /** The arguments of a planning call, one per element. */
  public static List<String> arguments(Path directory, String call) throws IOException {
    return Files.readAllLines(directory.resolve(call + ".argv"));
  }

  private static String task(int n, String name, String files) {
    return "{\"id\": \"task_"
        + n
        + "\", \"name\": \""
        + name
        + "\", \"description\": \"Build the "
        + name.toLowerCase()
        + "\", \"priority\": "
        + Math.min(n, 5)
        + ", \"estimated_effort\": \"medium\", \"estimated_duration\": \"1hr\","
        + " \"acceptance_criteria\": [\""
        + name
        + " works\"], \"files\": [\""
        + files
        + "\"]}";
  }

  private static String quoted(String text) {
    try {
      return Json.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
