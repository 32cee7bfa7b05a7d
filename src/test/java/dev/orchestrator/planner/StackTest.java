package dev.orchestrator.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackTest {

  @ParameterizedTest(name = "\"{0}\": UI {1}, code {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "a React frontend and a Spring Boot Java REST backend | tsx | java",
        "a Vue UI with a Django API | ts | py",
        "a weather dashboard with a React frontend and a Node.js backend | tsx | ts",
        "a React Native fitness app | tsx | ts",
        "a Python library for parsing CSV files | - | py",
        "a todo list app with backend API and frontend UI | - | -",
        "a JavaScript widget | - | ts"
      })
  void reads_the_languages_each_side_is_named_in(String text, String ui, String code) {
    Stack stack = Stack.of(text);

    assertThat(stack.ui() == null ? null : stack.ui().extension()).isEqualTo(ui);
    assertThat(stack.code() == null ? null : stack.code().extension()).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({
    "src/server/**, src/server/**/*.java",
    "api/openapi.yaml, api/openapi.yaml",
    "docker-compose.yml, docker-compose.yml"
  })
  void narrows_only_directory_claims_to_the_language(String claim, String narrowed) {
    Stack java = Stack.of("Spring Boot");

    assertThat(java.claim(Stack.Side.CODE, claim)).isEqualTo(narrowed);
    assertThat(java.claim(Stack.Side.NONE, claim)).isEqualTo(claim);
    assertThat(java.claim(Stack.Side.UI, claim)).isEqualTo(claim);
  }
}
