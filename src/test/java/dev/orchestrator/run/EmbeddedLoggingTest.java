package dev.orchestrator.run;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded in another application, the library is a guest of its logging: the host's {@code
 * logback.xml} configures Logback, and a run adds only its own {@code orchestrator.log}.
 */
@Timeout(120)
class EmbeddedLoggingTest {

  private static final String HOST =
      """
      import dev.orchestrator.agent.SimulatedAgent;
      import dev.orchestrator.run.Orchestrator;
      import java.nio.file.Path;
      import java.time.Duration;
      import org.slf4j.LoggerFactory;

      public class HostApp {
        public static void main(String[] args) throws Exception {
          var log = LoggerFactory.getLogger(HostApp.class);
          log.info("the host starts");
          Orchestrator.builder()
              .maxExecutors(2)
              .outputDirectory(Path.of(args[0]))
              .agents(executor -> new SimulatedAgent(Duration.ZERO))
              .build()
              .run("Build a todo list app with backend API and frontend UI");
          log.info("the host is done");
        }
      }
      """;

  private static final String HOST_LOGBACK =
      """
      <configuration>
        <appender name="HOST" class="ch.qos.logback.core.FileAppender">
          <file>${host.log}</file>
          <encoder><pattern>HOST %logger - %msg%n</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="HOST"/></root>
      </configuration>
      """;

  @TempDir Path temp;

  @Test
  void a_host_logback_xml_configures_logging_with_the_orchestrator_on_the_class_path()
      throws Exception {
    Path config = Files.createDirectory(temp.resolve("host-config"));
    Files.writeString(config.resolve("logback.xml"), HOST_LOGBACK);
    Path source = Files.writeString(temp.resolve("HostApp.java"), HOST);
    Path hostLog = temp.resolve("host.log");
    Path out = temp.resolve("run");
    // Our main classes and dependencies, not the tests' (their logback-test.xml would win).
    String classPath =
        Stream.concat(
                Stream.of(config.toString()),
                Stream.of(
                        System.getProperty(
                                "surefire.test.class.path", System.getProperty("java.class.path"))
                            .split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes")))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Dhost.log=" + hostLog, "-cp", classPath, source.toString()));
    command.add(out.toString());
    Path console = temp.resolve("console.txt");

    Process host =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();

    assertThat(host.waitFor(100, SECONDS)).isTrue();
    assertThat(host.exitValue()).as(Files.readString(console)).isZero();
    assertThat(hostLog).as(Files.readString(console)).exists();
    assertThat(Files.readString(hostLog))
        .contains("HOST HostApp - the host starts", "HOST HostApp - the host is done")
        .contains("HOST run - run started");
    assertThat(Files.readString(out.resolve("orchestrator.log")))
        .contains("run started", "run finished")
        .doesNotContain("the host");
  }
}
