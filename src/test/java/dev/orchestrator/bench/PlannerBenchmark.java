package dev.orchestrator.bench;

import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.planner.HeuristicPlanner;
import dev.orchestrator.schedule.Forecast;
import dev.orchestrator.schedule.OrderSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the heuristic planner's plans use the executors: for each requirement, the plan's task
 * count and the speed-up {@code simulate} predicts (total work / predicted makespan at M, the
 * searched dispatch order of a real run, file conflicts counted). First the original tool's seven
 * examples at their budgets, then a fixed set of requirements of every size at M = 4, with the mean
 * speed-up per band. Runs in a second or two.
 *
 * <pre>
 * bench/planner.sh
 * </pre>
 */
public final class PlannerBenchmark {

  /** A requirement and the executor budget it is measured at. */
  record Example(String label, String requirement, int executors) {}

  /** The original tool's examples at the budgets of issue 14. */
  static final List<Example> EXAMPLES =
      List.of(
          new Example("todo", "Build a todo list app with backend API and frontend UI", 3),
          new Example(
              "e-commerce",
              "Build e-commerce platform with product catalog, cart, and checkout",
              8),
          new Example(
              "microservices",
              "Create microservices: user service, product service, order service, payment"
                  + " gateway, API gateway, with auth, monitoring and CI/CD",
              6),
          new Example(
              "react-native",
              "Build a React Native mobile app for fitness tracking with workout logging, progress"
                  + " charts, social sharing and offline sync",
              4),
          new Example(
              "etl",
              "Build an ETL pipeline that extracts CSV sales data, transforms and aggregates it,"
                  + " and loads it into a PostgreSQL warehouse",
              3),
          new Example(
              "ml",
              "Train a machine learning model to classify customer churn with data preprocessing,"
                  + " feature engineering, training and evaluation",
              5),
          new Example(
              "platformer",
              "Create a 2D platformer game with player movement, enemies, levels and score"
                  + " tracking",
              6));

  /**
   * Requirements of every size and domain, fixed before the planner was redesigned so that it was
   * not tuned to them; measured at M = 4.
   */
  static final List<String> REQUIREMENTS =
      List.of(
          "Build a todo list app with backend API and frontend UI",
          "Build a blog with posts, comments and tags",
          "Build a REST API for a library: books, members, loans and reservations",
          "Build a mobile app for recipes with search, favorites and shopping list",
          "Create a CLI tool with init, build and deploy commands",
          "Build a weather dashboard with a React frontend and a Node.js backend",
          "Build a URL shortener service with analytics",
          "Build a chat application with real-time messaging and user authentication",
          "Build a data pipeline that ingests JSON logs, cleans them and loads them into a data"
              + " warehouse",
          "Train a recommendation engine with feature engineering, training and evaluation",
          "Build a task tracker with a React frontend and a Spring Boot Java REST backend",
          "Create a Python library for parsing and validating CSV files",
          "Build an inventory management system with products, suppliers, orders and reports",
          "Build a social media platform with user profiles, posts, comments, likes,"
              + " notifications and search",
          "Build a project management web app with authentication, projects, tasks, comments, file"
              + " uploads and notifications",
          "Build a banking platform with accounts, transfers, statements, fraud detection,"
              + " PostgreSQL and Kafka",
          "Build a scalable enterprise distributed platform with Kafka, Redis, PostgreSQL, Docker,"
              + " monitoring and CI/CD",
          "Create microservices for a ride-sharing app: rider service, driver service, trip"
              + " service, pricing service and notification service",
          "Build a web app with login, real-time chat, notifications, file uploads, search,"
              + " payments, admin dashboard, analytics, comments, tags and user profiles",
          "Build an online learning platform with courses, video lessons, quizzes, progress"
              + " tracking, payments and certificates",
          "Create a 3D racing game with cars, tracks, multiplayer and leaderboards",
          "Build a hotel booking platform with search, reservations, payments, reviews and an"
              + " admin dashboard",
          "Build a data pipeline that extracts from APIs, validates, deduplicates, enriches,"
              + " aggregates and loads into a warehouse with monitoring",
          "Build a calculator function");

  private PlannerBenchmark() {}

  public static void main(String[] args) {
    HeuristicPlanner planner = new HeuristicPlanner();
    System.out.println("The original tool's examples (speed-up = total work / predicted makespan)");
    System.out.printf(
        "%-14s %3s %6s %-15s %10s %8s%n", "example", "M", "tasks", "band", "makespan", "speed-up");
    for (Example e : EXAMPLES) {
      Measured m = measure(planner.plan(e.requirement(), e.executors()), e.executors());
      System.out.printf(
          Locale.ROOT,
          "%-14s %3d %6d %-15s %10s %8.2f%n",
          e.label(),
          e.executors(),
          m.tasks(),
          m.band(),
          hours(m.makespan()),
          m.speedup());
    }
    System.out.println();
    System.out.println("Requirements of every size at M = 4");
    List<Measured> all = new ArrayList<>();
    for (String requirement : REQUIREMENTS) {
      Measured m = measure(planner.plan(requirement, 4), 4);
      all.add(m);
      System.out.printf(
          Locale.ROOT,
          "%-13s %3d tasks %5.2f  %s%n",
          m.band(),
          m.tasks(),
          m.speedup(),
          requirement.length() > 80 ? requirement.substring(0, 77) + "..." : requirement);
    }
    System.out.println();
    for (List<String> group :
        List.of(List.of("simple"), List.of("moderate"), List.of("complex", "very complex"))) {
      List<Measured> members = all.stream().filter(m -> group.contains(m.band())).toList();
      System.out.printf(
          Locale.ROOT,
          "%-22s %2d requirements, mean speed-up at M=4 %.2f%n",
          String.join(" + ", group),
          members.size(),
          members.stream().mapToDouble(Measured::speedup).average().orElse(Double.NaN));
    }
  }

  record Measured(int tasks, String band, long makespan, double speedup) {}

  static Measured measure(Plan plan, int executors) {
    TaskGraph graph = TaskGraph.of(plan);
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    Forecast forecast = Forecast.of(plan, graph, conflicts, executors, OrderSearch.DEFAULT_BUDGET);
    return new Measured(
        plan.tasks().size(),
        plan.complexity().band(),
        forecast.makespan(),
        graph.totalWork() / (double) forecast.makespan());
  }

  private static String hours(long millis) {
    return String.format(Locale.ROOT, "%.1fh", millis / 3_600_000.0);
  }
}
