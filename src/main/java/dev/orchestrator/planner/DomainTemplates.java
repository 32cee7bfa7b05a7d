package dev.orchestrator.planner;

import static dev.orchestrator.plan.Effort.HIGH;
import static dev.orchestrator.plan.Effort.LOW;
import static dev.orchestrator.plan.Effort.MEDIUM;
import static dev.orchestrator.planner.CommonTemplates.DEPLOYMENT;
import static dev.orchestrator.planner.CommonTemplates.DOCUMENTATION;
import static dev.orchestrator.planner.CommonTemplates.INTEGRATION_TESTS;
import static dev.orchestrator.planner.CommonTemplates.extra;
import static dev.orchestrator.planner.Layer.CORE;
import static dev.orchestrator.planner.Layer.FOUNDATION;
import static dev.orchestrator.planner.Layer.INTERFACE;
import static dev.orchestrator.planner.Layer.VERIFICATION;
import static dev.orchestrator.planner.TaskTemplate.Presence.ALWAYS;
import static dev.orchestrator.planner.TaskTemplate.Presence.EACH_COMPONENT;
import static dev.orchestrator.planner.TaskTemplate.Presence.WITHOUT_COMPONENTS;
import static dev.orchestrator.planner.TaskTemplate.Presence.WITH_COMPONENTS;

import java.util.List;

/**
 * The layered task templates and file layout of each domain.
 *
 * <p>The layouts keep one rule that makes parallel work safe: templates of the same layer own
 * disjoint paths, and a component's paths live under its own slug, so tasks that do not depend on
 * each other never claim the same file. Shared work sits beside component work ({@code
 * src/server/app/**} next to {@code src/server/features/{slug}/**}) so no slug can collide with it.
 * This class is long because it is the catalogue; each method is one domain.
 */
final class DomainTemplates {

  private DomainTemplates() {}

  /** Every template of the domain's layout, lower layers first. */
  static List<TaskTemplate> layout(Domain domain) {
    switch (domain) {
      case WEB_APP:
        return webApp();
      case REST_API:
        return restApi();
      case DATA_PIPELINE:
        return dataPipeline();
      case ML_MODEL:
        return mlModel();
      case GAME:
        return game();
      case MOBILE_APP:
        return mobileApp();
      case CLI_LIBRARY:
        return cliLibrary();
      case MICROSERVICES:
        return microservices();
      default:
        throw new IllegalStateException("no layout for " + domain);
    }
  }

  /** Extras of the domain, tried before the common ones when a plan is short of tasks. */
  static List<TaskTemplate> extras(Domain domain) {
    switch (domain) {
      case WEB_APP:
        return List.of(ACCESSIBILITY);
      case MOBILE_APP:
        return List.of(
            ACCESSIBILITY,
            extra(
                "Store release configuration",
                "release/**",
                "Prepare the {subject}'s store listings, signing and release builds.",
                "Release builds are signed and install on a clean device",
                "Store listings have every required text and screenshot"));
      case DATA_PIPELINE:
        return List.of(
            extra(
                "Data quality checks",
                "tests/data-quality/**",
                "Check row counts, nulls, duplicates and value ranges after each run of the"
                    + " {subject}.",
                "A run that breaks a data-quality rule is reported with the rule and the rows",
                "The checks run after every load"));
      case ML_MODEL:
        return List.of(
            extra(
                "Experiment tracking",
                "experiments/**",
                "Record the parameters, data version and metrics of every training run of the"
                    + " {subject}.",
                "Every training run is recorded with its parameters and metrics",
                "Two runs can be compared side by side"));
      case GAME:
        return List.of(
            extra(
                "Playtest scenarios",
                "tests/playtest/**",
                "Script playtest scenarios that replay recorded input through the {subject}.",
                "Recorded input replays to the same outcome every time",
                "Each scenario covers one level from start to finish"));
      case CLI_LIBRARY:
        return List.of(
            extra(
                "Shell completion",
                "completions/**",
                "Generate shell completion scripts for the {subject}'s commands and options.",
                "Completion works in bash and zsh for every command and option",
                "The scripts are generated from the command definitions"));
      case MICROSERVICES:
        return List.of(
            extra(
                "Resilience tests",
                "tests/resilience/**",
                "Test how the {subject} behaves when a service is slow, down or returns errors.",
                "A failing service degrades only the features that need it",
                "Retries and timeouts stop cascading failures"));
      default:
        return List.of();
    }
  }

  private static final TaskTemplate ACCESSIBILITY =
      extra(
          "Accessibility checks",
          "tests/accessibility/**",
          "Check the {subject}'s screens for keyboard use, contrast and screen-reader labels.",
          "Every screen can be used with the keyboard alone",
          "Automated accessibility checks report no serious violations");

  private static List<TaskTemplate> webApp() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Data model",
            MEDIUM,
            "Define the entities of the {subject}, their validation rules and the database schema"
                + " with migrations.",
            List.of("src/models/**", "db/**"),
            "Every entity has a migration that applies to an empty database",
            "Validation rejects records with missing or malformed required fields"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "Backend API",
            HIGH,
            "Implement the business logic of the {subject} behind HTTP endpoints for every"
                + " operation the UI needs.",
            List.of("src/server/**", "tests/server/**"),
            "Every endpoint returns the documented status and body for valid input",
            "Invalid requests get a 4xx response that names the problem",
            "Unit tests cover every endpoint"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component} backend",
            HIGH,
            "Implement the {component} logic of the {subject} and its HTTP endpoints.",
            List.of("src/server/features/{slug}/**", "tests/server/features/{slug}/**"),
            "The {component} endpoints return the documented responses for valid input",
            "Invalid {component} requests get a 4xx response that names the problem",
            "Unit tests cover the {component} rules"),
        TaskTemplate.of(
            CORE,
            WITH_COMPONENTS,
            "API routing and middleware",
            MEDIUM,
            "Wire the endpoints of the {subject} into one server: routing, request validation,"
                + " error responses and configuration.",
            List.of("src/server/app/**", "tests/server/app/**"),
            "Every route is registered under one versioned prefix",
            "Errors from every endpoint share one error format"),
        TaskTemplate.of(
            INTERFACE,
            WITHOUT_COMPONENTS,
            "Frontend UI",
            HIGH,
            "Build the user interface of the {subject} on top of the backend API.",
            List.of("src/client/**", "tests/client/**"),
            "Every backend operation can be done from the UI",
            "The UI shows loading and error states instead of failing silently",
            "Component tests cover the main views"),
        TaskTemplate.of(
            INTERFACE,
            EACH_COMPONENT,
            "{Component} UI",
            MEDIUM,
            "Build the {component} screens of the {subject} against its endpoints.",
            List.of("src/client/features/{slug}/**", "tests/client/features/{slug}/**"),
            "A user can complete every {component} action from the UI",
            "The {component} views show loading and error states"),
        TaskTemplate.of(
            INTERFACE,
            WITH_COMPONENTS,
            "Frontend shell and navigation",
            MEDIUM,
            "Build the layout, navigation and shared UI pieces that hold the screens of the"
                + " {subject} together.",
            List.of("src/client/app/**"),
            "Every screen is reachable from the navigation",
            "All screens use the shared layout and styles"),
        INTEGRATION_TESTS,
        DOCUMENTATION);
  }

  private static List<TaskTemplate> restApi() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Data model and schema",
            MEDIUM,
            "Define the resources of the {subject}, their validation rules and the database schema"
                + " with migrations.",
            List.of("src/models/**", "db/**"),
            "Every resource has a migration that applies to an empty database",
            "Validation rejects resources with missing or malformed required fields"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "Resource endpoints",
            HIGH,
            "Implement the operations of the {subject} as HTTP endpoints with input validation"
                + " and consistent errors.",
            List.of("src/api/**", "tests/api/**"),
            "Every endpoint returns the documented status and body for valid input",
            "Invalid requests get a 4xx response that names the problem",
            "Unit tests cover every endpoint"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component} endpoints",
            HIGH,
            "Implement the {component} resource of the {subject}: its create, read, update and"
                + " delete operations and its business rules.",
            List.of("src/api/resources/{slug}/**", "tests/api/resources/{slug}/**"),
            "Every {component} operation returns the documented status and body",
            "Invalid {component} requests get a 4xx response that names the problem",
            "Unit tests cover the {component} rules"),
        TaskTemplate.of(
            CORE,
            WITH_COMPONENTS,
            "Routing, validation and errors",
            MEDIUM,
            "Wire the resources of the {subject} into one server with request validation,"
                + " pagination and one error format.",
            List.of("src/api/app/**", "tests/api/app/**"),
            "Every route is registered under one versioned prefix",
            "Errors from every endpoint share one error format"),
        TaskTemplate.of(
            INTERFACE,
            ALWAYS,
            "OpenAPI specification",
            LOW,
            "Describe every endpoint of the {subject} in an OpenAPI document with request and"
                + " response examples.",
            List.of("api/openapi.yaml"),
            "The specification validates as OpenAPI 3",
            "Every implemented endpoint appears in the specification with an example"),
        INTEGRATION_TESTS,
        DOCUMENTATION);
  }

  private static List<TaskTemplate> dataPipeline() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Record schemas and configuration",
            MEDIUM,
            "Define the record schemas passed between the stages of the {subject} and its"
                + " configuration: sources, targets and credentials per environment.",
            List.of("src/schemas/**", "config/**"),
            "The input and output of every stage have a schema with types and required fields",
            "Configuration comes from files and the environment, never from the code"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component} stage",
            HIGH,
            "Implement the {component} stage of the {subject} as a step from its input schema to"
                + " its output schema.",
            List.of("src/pipeline/stages/{slug}/**", "tests/pipeline/stages/{slug}/**"),
            "The {component} stage turns sample input into the expected output",
            "Bad records are reported with the reason and do not stop the stage",
            "Unit tests cover the {component} rules"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "Pipeline stages",
            HIGH,
            "Implement the extract, transform and load steps of the {subject} against the record"
                + " schemas.",
            List.of("src/pipeline/stages/**", "tests/pipeline/stages/**"),
            "Each stage turns sample input into the expected output",
            "Bad records are reported with the reason and do not stop the stage"),
        TaskTemplate.of(
            INTERFACE,
            ALWAYS,
            "Pipeline runner",
            MEDIUM,
            "Chain the stages of the {subject} into one command with logging, retries and safe"
                + " re-runs.",
            List.of("src/pipeline/runner/**", "bin/**"),
            "One command runs every stage in order and reports counts per stage",
            "A re-run after a failure does not duplicate loaded data"),
        TaskTemplate.of(
            VERIFICATION,
            ALWAYS,
            "End-to-end run on sample data",
            MEDIUM,
            "Run the whole {subject} on small sample files and compare the result with the"
                + " expected output.",
            List.of("tests/integration/**", "tests/fixtures/**"),
            "A run on the sample files produces exactly the expected output",
            "The test needs no network and no shared database"),
        DOCUMENTATION);
  }

  private static List<TaskTemplate> mlModel() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Dataset loading and validation",
            MEDIUM,
            "Load the dataset of the {subject}, check it against a schema and split it into"
                + " reproducible training, validation and test sets.",
            List.of("src/data/**", "tests/data/**"),
            "The splits are reproducible from a fixed seed",
            "Rows that break the schema are reported with the reason"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component}",
            HIGH,
            "Implement the {component} step of the {subject} with a documented input and output,"
                + " so that it runs alone and in the full workflow.",
            List.of("src/stages/{slug}/**", "tests/stages/{slug}/**"),
            "The {component} step runs on a small sample and produces the documented output",
            "Results are reproducible from a fixed seed",
            "Unit tests cover the {component} step"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "Model training and evaluation",
            HIGH,
            "Train the {subject} on the training split and evaluate it on the held-out test split"
                + " against a simple baseline.",
            List.of("src/model/**", "tests/model/**"),
            "Training on the sample data finishes and saves a model",
            "Evaluation reports metrics on the test split next to the baseline's"),
        TaskTemplate.of(
            INTERFACE,
            ALWAYS,
            "Training and prediction commands",
            MEDIUM,
            "Provide one command that trains the {subject} from a configuration and one that"
                + " predicts on new data with a saved model.",
            List.of("src/cli/**"),
            "One command trains and saves a model together with its metrics",
            "The predict command loads a saved model and scores new rows"),
        TaskTemplate.of(
            VERIFICATION,
            ALWAYS,
            "Model card and evaluation report",
            LOW,
            "Report the metrics of the {subject} on the test split against the baseline, the data"
                + " it was trained on and its known limits.",
            List.of("reports/**"),
            "The metrics come from data the model never saw in training",
            "The report states the baseline and the known limits"),
        INTEGRATION_TESTS,
        DOCUMENTATION);
  }

  private static List<TaskTemplate> game() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Game loop, rendering and assets",
            MEDIUM,
            "Set up the window, a fixed-step game loop, rendering and asset loading of the"
                + " {subject}.",
            List.of("src/engine/**", "assets/**"),
            "The game updates at a fixed rate whatever the frame rate",
            "A missing asset fails with the asset's name"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component}",
            HIGH,
            "Implement {component} for the {subject} as systems the game loop updates every step.",
            List.of("src/game/{slug}/**", "tests/game/{slug}/**"),
            "A scripted test scene drives {component} with known input and checks the outcome",
            "{Component} behaves the same at any frame rate",
            "Unit tests cover the {component} rules"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "Gameplay rules",
            HIGH,
            "Implement the player actions, rules and win and lose conditions of the {subject}.",
            List.of("src/game/**", "tests/game/**"),
            "A scripted test scene reaches both the win and the lose condition",
            "Unit tests cover every rule"),
        TaskTemplate.of(
            INTERFACE,
            ALWAYS,
            "HUD, menus and input",
            MEDIUM,
            "Build the heads-up display, the start, pause and game-over menus and the input"
                + " mapping of the {subject}.",
            List.of("src/ui/**", "src/input/**"),
            "The player can start, pause, resume and restart from the menus",
            "The HUD shows the current game state every frame"),
        INTEGRATION_TESTS,
        DOCUMENTATION);
  }

  private static List<TaskTemplate> mobileApp() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "App scaffolding and data model",
            MEDIUM,
            "Set up the project of the {subject} with its build configuration and its data model.",
            List.of("app/src/models/**", "app/config/**"),
            "The app builds and starts on an emulator",
            "Every entity of the data model validates its required fields"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "App state and data layer",
            HIGH,
            "Implement the state, local storage and server calls of the {subject}.",
            List.of("app/src/state/**", "app/tests/state/**"),
            "Data survives an app restart",
            "Network errors show a message and can be retried"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component} logic",
            HIGH,
            "Implement the {component} state and business rules of the {subject}.",
            List.of("app/src/features/{slug}/logic/**", "app/tests/features/{slug}/**"),
            "The {component} rules hold for typical and edge-case input",
            "Unit tests cover the {component} logic"),
        TaskTemplate.of(
            CORE,
            WITH_COMPONENTS,
            "Local storage and API client",
            MEDIUM,
            "Implement local storage and the server client that the features of the {subject}"
                + " share.",
            List.of("app/src/services/**", "app/tests/services/**"),
            "Data survives an app restart",
            "Network errors show a message and can be retried"),
        TaskTemplate.of(
            INTERFACE,
            WITHOUT_COMPONENTS,
            "Screens",
            HIGH,
            "Build the screens of the {subject} on top of its state.",
            List.of("app/src/screens/**"),
            "Every feature can be used from a screen",
            "Screens show loading and error states"),
        TaskTemplate.of(
            INTERFACE,
            EACH_COMPONENT,
            "{Component} screens",
            MEDIUM,
            "Build the {component} screens of the {subject} on top of its logic.",
            List.of("app/src/features/{slug}/screens/**"),
            "A user can complete every {component} action on the device",
            "The {component} screens show loading and error states"),
        TaskTemplate.of(
            INTERFACE,
            WITH_COMPONENTS,
            "Navigation and app shell",
            MEDIUM,
            "Build the navigation, tab bar and shared styles that hold the screens of the"
                + " {subject} together.",
            List.of("app/src/navigation/**"),
            "Every screen is reachable from the navigation",
            "The back button behaves as the platform expects"),
        INTEGRATION_TESTS,
        DOCUMENTATION);
  }

  private static List<TaskTemplate> cliLibrary() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            WITH_COMPONENTS,
            "Core types and errors",
            MEDIUM,
            "Define the types, errors and configuration that every part of the {subject} uses.",
            List.of("src/core/**", "tests/core/**"),
            "Every error type says what went wrong and what to do",
            "Configuration has documented defaults"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "{Subject}",
            MEDIUM,
            "Implement the {subject} with input validation and clear error messages.",
            List.of("src/lib/**"),
            "The {subject} returns correct results for typical and edge-case input",
            "Invalid input raises an error that names the problem"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Component}",
            MEDIUM,
            "Implement {component} in the {subject} on top of the core types.",
            List.of("src/modules/{slug}/**", "tests/modules/{slug}/**"),
            "{Component} returns correct results for typical and edge-case input",
            "Invalid input to {component} raises an error that names the problem",
            "Unit tests cover {component}"),
        TaskTemplate.of(
            INTERFACE,
            WITH_COMPONENTS,
            "Public API and command-line entry point",
            MEDIUM,
            "Expose the operations of the {subject} as a documented public API and a command-line"
                + " entry point with help text.",
            List.of("src/cli/**"),
            "Every operation is reachable from the public API and the command line",
            "--help lists every command with an example"),
        TaskTemplate.of(
            VERIFICATION,
            WITHOUT_COMPONENTS,
            "Unit tests",
            MEDIUM,
            "Write unit tests for the {subject}: typical input, edge cases and errors.",
            List.of("tests/unit/**"),
            "Every public operation has tests for typical input, edge cases and errors",
            "The tests run offline and pass"),
        INTEGRATION_TESTS.withPresence(WITH_COMPONENTS),
        DOCUMENTATION);
  }

  private static List<TaskTemplate> microservices() {
    return List.of(
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Service contracts and shared schemas",
            MEDIUM,
            "Define the calls and events between the services as versioned contracts with shared"
                + " schemas.",
            List.of("contracts/**"),
            "Every call and event between services has a versioned contract",
            "The contracts validate and generate client stubs"),
        TaskTemplate.of(
            FOUNDATION,
            ALWAYS,
            "Local environment",
            LOW,
            "Describe a local environment that starts every service and its dependencies with one"
                + " command.",
            List.of("docker-compose.yml", "infra/local/**"),
            "One command starts every service and its dependencies locally",
            "Each service reads its configuration from the environment"),
        TaskTemplate.of(
            CORE,
            EACH_COMPONENT,
            "{Service}",
            HIGH,
            "Build the {service} as an independently deployable service that owns its data and"
                + " implements its contract.",
            List.of("services/{slug}/src/**", "services/{slug}/tests/**"),
            "{Service} implements every operation of its contract",
            "{Service} owns its data store; no other service reads it directly",
            "Unit tests cover the {component} rules"),
        TaskTemplate.of(
            CORE,
            WITHOUT_COMPONENTS,
            "Core service",
            HIGH,
            "Build the first service with its own data store and contract.",
            List.of("services/core/src/**", "services/core/tests/**"),
            "The service implements every operation of its contract",
            "The service owns its data store"),
        TaskTemplate.of(
            INTERFACE,
            ALWAYS,
            "API gateway",
            MEDIUM,
            "Route external requests to the services through one gateway with authentication"
                + " checks, rate limits and timeouts.",
            List.of("gateway/**"),
            "Every public route reaches the service that owns it",
            "Requests without valid credentials are rejected at the gateway",
            "A slow service times out instead of blocking the gateway"),
        INTEGRATION_TESTS,
        DEPLOYMENT,
        DOCUMENTATION);
  }
}
