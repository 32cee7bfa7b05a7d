package dev.orchestrator.agent;

import dev.orchestrator.plan.Task;
import java.util.Locale;

/** The languages the simulated agent writes scaffolds in, chosen from a task's file claims. */
enum ScaffoldLanguage {
  PYTHON("py", "#") {
    @Override
    String sourceFile(String base) {
      return base + ".py";
    }

    @Override
    String testFile(String base) {
      return "test_" + base + ".py";
    }

    @Override
    String body(Task task) {
      StringBuilder code = new StringBuilder("\n\nclass " + typeName(task) + ":\n");
      code.append("    \"\"\"").append(oneLine(task.description())).append("\"\"\"\n");
      for (int i = 0; i < task.acceptanceCriteria().size(); i++) {
        code.append("\n    def criterion_").append(i + 1).append("(self):\n");
        code.append("        \"\"\"")
            .append(oneLine(task.acceptanceCriteria().get(i)))
            .append("\"\"\"\n");
        code.append("        raise NotImplementedError(\"simulated scaffold\")\n");
      }
      return code.toString();
    }

    @Override
    String testBody(Task task) {
      StringBuilder code = new StringBuilder("\n\nimport pytest\n");
      for (int i = 0; i < task.acceptanceCriteria().size(); i++) {
        code.append("\n\ndef test_criterion_").append(i + 1).append("():\n");
        code.append("    \"\"\"")
            .append(oneLine(task.acceptanceCriteria().get(i)))
            .append("\"\"\"\n");
        code.append("    pytest.skip(\"simulated scaffold: no implementation yet\")\n");
      }
      return code.toString();
    }
  },
  TYPESCRIPT("ts", "//") {
    @Override
    String sourceFile(String base) {
      return camel(base) + ".ts";
    }

    @Override
    String testFile(String base) {
      return camel(base) + ".test.ts";
    }

    @Override
    String body(Task task) {
      StringBuilder code = new StringBuilder("\n\n/** " + oneLine(task.description()) + " */\n");
      code.append("export class ").append(typeName(task)).append(" {\n");
      for (int i = 0; i < task.acceptanceCriteria().size(); i++) {
        code.append("  /** ").append(oneLine(task.acceptanceCriteria().get(i))).append(" */\n");
        code.append("  criterion").append(i + 1).append("(): void {\n");
        code.append("    throw new Error(\"simulated scaffold\");\n  }\n");
      }
      return code.append("}\n").toString();
    }

    @Override
    String testBody(Task task) {
      StringBuilder code =
          new StringBuilder("\n\ndescribe(\"" + escape(task.name()) + "\", () => {\n");
      task.acceptanceCriteria()
          .forEach(c -> code.append("  it.todo(\"").append(escape(oneLine(c))).append("\");\n"));
      return code.append("});\n").toString();
    }
  },
  JAVA("java", "//") {
    @Override
    String sourceFile(String base) {
      return pascal(base) + ".java";
    }

    @Override
    String testFile(String base) {
      return pascal(base) + "Test.java";
    }

    @Override
    String body(Task task) {
      StringBuilder code = new StringBuilder("\n\n/** " + oneLine(task.description()) + " */\n");
      code.append("public class ").append(typeName(task)).append(" {\n");
      for (int i = 0; i < task.acceptanceCriteria().size(); i++) {
        code.append("  /** ").append(oneLine(task.acceptanceCriteria().get(i))).append(" */\n");
        code.append("  public void criterion").append(i + 1).append("() {\n");
        code.append("    throw new UnsupportedOperationException(\"simulated scaffold\");\n  }\n");
      }
      return code.append("}\n").toString();
    }

    @Override
    String testBody(Task task) {
      StringBuilder code = new StringBuilder("\n\nimport org.junit.jupiter.api.Disabled;\n");
      code.append("import org.junit.jupiter.api.Test;\n\n@Disabled(\"simulated scaffold\")\n");
      code.append("class ").append(typeName(task)).append("Test {\n");
      for (int i = 0; i < task.acceptanceCriteria().size(); i++) {
        code.append("  /** ").append(oneLine(task.acceptanceCriteria().get(i))).append(" */\n");
        code.append("  @Test\n  void criterion").append(i + 1).append("() {}\n");
      }
      return code.append("}\n").toString();
    }
  };

  private final String extension;
  private final String comment;

  ScaffoldLanguage(String extension, String comment) {
    this.extension = extension;
    this.comment = comment;
  }

  abstract String sourceFile(String base);

  abstract String testFile(String base);

  abstract String body(Task task);

  abstract String testBody(Task task);

  String source(Task task, String mark) {
    return comment
        + " "
        + mark
        + "\n"
        + comment
        + " Task "
        + task.id()
        + ": "
        + task.name()
        + body(task);
  }

  String test(Task task, String mark) {
    return comment
        + " "
        + mark
        + "\n"
        + comment
        + " Tests for "
        + task.id()
        + ": "
        + task.name()
        + testBody(task);
  }

  /** The language a claim names by its extension ({@code src/**}{@code /*.ts}), or null. */
  static ScaffoldLanguage fromPattern(String claim) {
    String lower = claim.toLowerCase(Locale.ROOT);
    for (ScaffoldLanguage language : values()) {
      if (lower.endsWith("." + language.extension)) {
        return language;
      }
    }
    if (lower.endsWith(".tsx") || lower.endsWith(".js") || lower.endsWith(".jsx")) {
      return TYPESCRIPT;
    }
    return null;
  }

  static String typeName(Task task) {
    return pascal(SimulatedAgent.identifier(task.name()));
  }

  private static String pascal(String identifier) {
    StringBuilder name = new StringBuilder();
    for (String word : identifier.split("_")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.length() == 0 ? "Task" : name.toString();
  }

  private static String camel(String identifier) {
    String pascal = pascal(identifier);
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").replace("*/", "* /").replace("\"\"\"", "'''").trim();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
