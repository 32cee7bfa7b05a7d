package dev.orchestrator.llm.fake;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scripted model that plans and builds the todo example: the two planner replies, then for each
 * task its conversation. task_1 and task_2 work with tools (task_2 first reads a file of task_1,
 * and meets one 429), task_3 answers in fenced code blocks, task_4 first tries to write {@code
 * ../../etc/x} and {@code /etc/passwd} and only then writes inside the project.
 */
public final class TodoScript implements FakeModelServer.Script {

  public static final String REQUIREMENT = "Build a todo list app with backend API and frontend UI";

  public static final String ANALYSIS =
      "```json\n{\"score\": 42, \"reasoning\": \"A web app with a REST backend and a browser UI.\","
          + " \"key_features_detected\": [\"todo CRUD\", \"REST API\", \"web UI\"],"
          + " \"technical_components\": [\"Python\", \"FastAPI\", \"HTML\", \"JavaScript\"],"
          + " \"num_tasks\": 4}\n```";

  public static final String PLAN =
      "{\"tasks\": ["
          + task(
              "task_1",
              "Data model",
              "Define the Todo record (id, title, done, created_at) and an in-memory store with"
                  + " create, read, update, delete and list operations. The store is the only"
                  + " place that holds todos; the API and the tests use it through its methods.",
              1,
              "[\"src/todo/models.py\", \"tests/test_models.py\"]",
              "A new todo is open and has a creation time",
              "The store creates, reads, updates, deletes and lists todos",
              "Unknown ids raise KeyError")
          + ", "
          + task(
              "task_2",
              "REST API",
              "Expose the store over HTTP with FastAPI: GET /todos, POST /todos, GET, PATCH and"
                  + " DELETE /todos/{id}. Validate input with pydantic and answer 404 for unknown"
                  + " ids and 422 for invalid bodies. Serve the frontend's static files at /.",
              2,
              "[\"src/todo/api.py\", \"tests/test_api.py\"]",
              "Every endpoint answers with JSON and the right status code",
              "Invalid bodies are rejected with 422",
              "Tests cover each endpoint with FastAPI's TestClient")
          + ", "
          + task(
              "task_3",
              "Frontend UI",
              "A single page in plain HTML and JavaScript that lists todos, adds one from a text"
                  + " field, toggles done with a checkbox and deletes with a button, calling the"
                  + " REST API with fetch. No build step and no framework.",
              3,
              "[\"src/web/**\"]",
              "The page lists the todos the API returns",
              "Adding, toggling and deleting update the list without a reload",
              "Errors of the API are shown to the user")
          + ", "
          + task(
              "task_4",
              "Documentation",
              "Write the user guide: how to install the dependencies, run the server, open the"
                  + " page and run the tests, with the API's endpoints and example requests.",
              4,
              "[\"docs/**\"]",
              "A new developer can run the app and its tests from the guide alone",
              "Every endpoint is documented with an example",
              "The guide names the Python version it needs")
          + "], \"dependencies\": {\"task_2\": [\"task_1\"], \"task_3\": [\"task_2\"],"
          + " \"task_4\": [\"task_2\", \"task_3\"]},"
          + " \"execution_strategy\": \"The model first, then the API; the UI and the guide follow"
          + " the API, the guide last since it describes both.\","
          + " \"notes\": \"Python 3.11, FastAPI and pytest; the package is todo under src/.\"}";

  /** The project files the script dictates, by path, with their content. */
  public static final Map<String, String> FILES =
      Map.of(
          "src/todo/models.py",
              "from dataclasses import dataclass\n\n\n@dataclass\nclass Todo:\n    id: int\n    title: str\n    done: bool = False\n",
          "tests/test_models.py",
              "from todo.models import Todo\n\n\ndef test_new_todo_is_open():\n    assert not Todo(1, \"a\").done\n",
          "src/todo/api.py",
              "from fastapi import FastAPI\nfrom todo.models import Todo\n\napp = FastAPI()\nTODOS: dict[int, Todo] = {}\n",
          "tests/test_api.py",
              "from todo.api import app\n\n\ndef test_app_exists():\n    assert app\n",
          "src/web/index.html",
              "<!doctype html>\n<title>Todos</title>\n<script src=\"app.js\"></script>\n",
          "src/web/app.js", "fetch('/todos').then(r => r.json()).then(console.log);\n",
          "docs/usage.md", "# Usage\n\nRun `uvicorn todo.api:app`.\n");

  private final AtomicBoolean rateLimited = new AtomicBoolean();

  private static String task(
      String id, String name, String description, int priority, String files, String... criteria) {
    return "{\"id\": \""
        + id
        + "\", \"name\": \""
        + name
        + "\", \"description\": \""
        + description
        + "\", \"priority\": "
        + priority
        + ", \"estimated_effort\": \"medium\","
        + " \"estimated_duration\": \"1hr\", \"acceptance_criteria\": [\""
        + String.join("\", \"", criteria)
        + "\"], \"files\": "
        + files
        + "}";
  }

  @Override
  public Reply answer(Call call) {
    String first = call.firstUserText();
    if (first.startsWith("# Complexity analysis")) {
      return Reply.text(ANALYSIS);
    }
    if (first.startsWith("# Plan")) {
      return Reply.text(PLAN);
    }
    int turn = call.assistantTurns();
    if (first.startsWith("# Your task: task_1")) {
      return turn == 0
          ? Reply.tools(
              write("src/todo/models.py"), write("tests/test_models.py"), readme("Data model"))
          : Reply.tools(ToolCall.finish("Todo model with tests."));
    }
    if (first.startsWith("# Your task: task_2")) {
      if (turn == 0 && rateLimited.compareAndSet(false, true)) {
        return Reply.rateLimited(0);
      }
      switch (turn) {
        case 0:
          return Reply.tools(ToolCall.readFile("src/todo/models.py"));
        case 1:
          return Reply.tools(
              write("src/todo/api.py"), write("tests/test_api.py"), readme("REST API"));
        default:
          return Reply.tools(ToolCall.finish("CRUD API over the model."));
      }
    }
    if (first.startsWith("# Your task: task_3")) {
      return Reply.text(
          "Here is the UI.\n\n```html path=src/web/index.html\n"
              + FILES.get("src/web/index.html")
              + "```\n\n```javascript\n// file: src/web/app.js\n"
              + FILES.get("src/web/app.js")
              + "```\n\n**README.md**\n```markdown\n# Frontend UI\n\nOpen index.html.\n```\n");
    }
    if (first.startsWith("# Your task: task_4")) {
      switch (turn) {
        case 0:
          return Reply.tools(ToolCall.writeFile("../../etc/x", "escape"));
        case 1:
          return Reply.tools(ToolCall.writeFile("/etc/passwd", "escape"));
        case 2:
          return Reply.tools(write("docs/usage.md"), readme("Documentation"));
        default:
          return Reply.tools(ToolCall.finish("Usage guide."));
      }
    }
    return Reply.error(400, "invalid_request_error", "the todo script has no answer for: " + first);
  }

  /** task_1's conversation one turn late: for a model that was told to write files first. */
  public static Reply taskOneAfterNudge(Call call) {
    return call.assistantTurns() == 1
        ? Reply.tools(
            write("src/todo/models.py"), write("tests/test_models.py"), readme("Data model"))
        : Reply.tools(ToolCall.finish("Todo model with tests."));
  }

  private static ToolCall write(String path) {
    return ToolCall.writeFile(path, FILES.get(path));
  }

  private static ToolCall readme(String part) {
    return ToolCall.writeFile("README.md", "# " + part + "\n\nPart of the todo app.\n");
  }
}
