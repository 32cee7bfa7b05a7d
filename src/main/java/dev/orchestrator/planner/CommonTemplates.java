package dev.orchestrator.planner;

import static dev.orchestrator.plan.Effort.LOW;
import static dev.orchestrator.plan.Effort.MEDIUM;
import static dev.orchestrator.planner.Layer.CORE;
import static dev.orchestrator.planner.Layer.FOUNDATION;
import static dev.orchestrator.planner.Layer.VERIFICATION;
import static dev.orchestrator.planner.TaskTemplate.Presence.ALWAYS;

import dev.orchestrator.plan.Task;
import java.util.List;
import java.util.Optional;

/**
 * Templates every domain shares: verification, the work a mentioned capability brings, and the
 * standard extras that fill a plan up to its band's minimum. Each owns its own top-level paths, so
 * it never overlaps a domain's files.
 */
final class CommonTemplates {

  static final TaskTemplate INTEGRATION_TESTS =
      TaskTemplate.of(
          VERIFICATION,
          ALWAYS,
          "Integration tests",
          MEDIUM,
          "Write integration tests that run the {subject} end to end across its parts, with local"
              + " fixtures instead of live services.",
          List.of("tests/integration/**"),
          "The main flow of the {subject} passes end to end",
          "The tests use local fixtures and need no network",
          "A failing test names the part that broke");

  static final TaskTemplate DOCUMENTATION =
      TaskTemplate.of(
              VERIFICATION,
              ALWAYS,
              "Documentation",
              LOW,
              "Document how to install, configure and use the {subject}, with an overview of its"
                  + " parts.",
              List.of("README.md", "docs/**"),
              "The README takes a new user from a fresh checkout to a first run",
              "docs/ describes each part of the {subject} and how the parts fit together")
          .withPriority(Task.LOWEST_PRIORITY);

  static final TaskTemplate DATABASE_SCHEMA =
      TaskTemplate.of(
          FOUNDATION,
          ALWAYS,
          "Database schema and migrations",
          MEDIUM,
          "Design the database schema of the {subject} with versioned migrations.",
          List.of("db/**"),
          "Migrations create the schema on an empty database and can be rolled back",
          "Every table has a primary key and the indexes its queries need");

  static final TaskTemplate MESSAGING =
      TaskTemplate.of(
          CORE,
          ALWAYS,
          "Messaging integration",
          MEDIUM,
          "Publish and consume the {subject}'s events through the message broker, with retries"
              + " and a dead-letter queue.",
          List.of("src/messaging/**"),
          "Every event is published once and consumed at least once",
          "A message that keeps failing ends in the dead-letter queue with its error");

  static final TaskTemplate CACHE =
      TaskTemplate.of(
          CORE,
          ALWAYS,
          "Caching layer",
          MEDIUM,
          "Cache the {subject}'s frequent reads with explicit expiry and invalidation on writes.",
          List.of("src/cache/**"),
          "A write invalidates every cached entry it changes",
          "The {subject} still works, only slower, when the cache is down");

  static final TaskTemplate REAL_TIME =
      TaskTemplate.of(
          CORE,
          ALWAYS,
          "Real-time updates",
          MEDIUM,
          "Push changes in the {subject} to connected clients as they happen.",
          List.of("src/realtime/**"),
          "A change reaches every connected client within a second",
          "Clients reconnect and catch up after a dropped connection");

  static final TaskTemplate MONITORING =
      TaskTemplate.of(
          VERIFICATION,
          ALWAYS,
          "Monitoring and alerting",
          MEDIUM,
          "Expose health checks and metrics of the {subject} and define dashboards and alerts.",
          List.of("ops/monitoring/**"),
          "Every deployable part reports health and request metrics",
          "An alert fires when errors or latency pass their thresholds");

  static final TaskTemplate CI_CD =
      TaskTemplate.of(
          VERIFICATION,
          ALWAYS,
          "CI/CD pipeline",
          MEDIUM,
          "Build, test and package the {subject} on every change and deploy it on release.",
          List.of("ci/**"),
          "Every change is built and tested before it can be merged",
          "A release deploys from the pipeline without manual steps");

  static final TaskTemplate DEPLOYMENT =
      TaskTemplate.of(
          VERIFICATION,
          ALWAYS,
          "Deployment configuration",
          MEDIUM,
          "Package the {subject} in containers and describe its deployment and configuration per"
              + " environment.",
          List.of("deploy/**"),
          "One command deploys the {subject} to a fresh environment",
          "Secrets come from the environment, never from the repository");

  private static final List<TaskTemplate> EXTRAS =
      List.of(
          extra(
              "End-to-end tests",
              "tests/e2e/**",
              "Drive the {subject} from the outside the way a user does, on a fresh install.",
              "The main user journeys pass against a freshly started {subject}",
              "The tests start and stop everything they need"),
          CI_CD.withPriority(Task.LOWEST_PRIORITY),
          DEPLOYMENT.withPriority(Task.LOWEST_PRIORITY),
          MONITORING.withPriority(Task.LOWEST_PRIORITY),
          extra(
              "Performance benchmarks",
              "tests/performance/**",
              "Measure the {subject}'s latency and throughput on a fixed workload.",
              "Benchmarks report latency percentiles and throughput for a fixed workload",
              "Results are kept so that later runs can be compared"),
          extra(
              "Security checks",
              "tests/security/**",
              "Check the {subject} for injection, broken access control and vulnerable"
                  + " dependencies.",
              "Known injection and access-control attacks are rejected",
              "Dependencies are scanned for known vulnerabilities"),
          extra(
              "Sample data and fixtures",
              "fixtures/**",
              "Provide realistic sample data for demos and manual testing of the {subject}.",
              "The sample data loads into a fresh {subject} with one command",
              "The data covers every main entity and an edge case of each"),
          extra(
              "Usage examples",
              "examples/**",
              "Write runnable examples of the common tasks people do with the {subject}.",
              "Every example runs as written against the {subject}",
              "Each example states what it shows and its expected output"),
          extra(
              "Release packaging",
              "packaging/**",
              "Package the {subject} for release with its version and checksums.",
              "A release build produces versioned artifacts with checksums",
              "The artifacts install on a clean machine"),
          extra(
              "Changelog and release notes",
              "CHANGELOG.md",
              "Start a changelog and write the release notes of the first version.",
              "The changelog lists the first version's features and known limits",
              "Entries follow one format, newest first"),
          extra(
              "Backup and restore",
              "ops/backup/**",
              "Describe and script backup and restore of the {subject}'s data.",
              "A restore from the latest backup brings back every record",
              "Backups run on a schedule and are verified"));

  private CommonTemplates() {}

  /** The work a mentioned capability brings, if it is more than a component or a score. */
  static Optional<TaskTemplate> forCapability(Capability capability) {
    switch (capability) {
      case DATABASE:
        return Optional.of(DATABASE_SCHEMA);
      case MESSAGING:
        return Optional.of(MESSAGING);
      case CACHE:
        return Optional.of(CACHE);
      case REAL_TIME:
        return Optional.of(REAL_TIME);
      case MONITORING:
        return Optional.of(MONITORING);
      case CI_CD:
        return Optional.of(CI_CD);
      case DEPLOYMENT:
        return Optional.of(DEPLOYMENT);
      default:
        return Optional.empty();
    }
  }

  /** Standard extras, in the order they are added to a plan that is short of tasks. */
  static List<TaskTemplate> extras() {
    return EXTRAS;
  }

  /** A low-priority verification task that fills a plan up to its band's minimum. */
  static TaskTemplate extra(String name, String path, String description, String... criteria) {
    return TaskTemplate.of(VERIFICATION, ALWAYS, name, LOW, description, List.of(path), criteria)
        .withPriority(Task.LOWEST_PRIORITY);
  }
}
