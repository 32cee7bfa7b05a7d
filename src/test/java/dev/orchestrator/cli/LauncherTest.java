package dev.orchestrator.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code orchestrator} launcher script, run by a real bash on a copy of the project with a
 * built jar, choosing between fake {@code java} commands that say which of them ran. The tools the
 * script needs are on a {@code PATH} of their own, so the machine's own Java is never found.
 */
@Timeout(60)
class LauncherTest {

  @TempDir Path temp;
  private Path project;
  private Path tools;
  private Path ran;

  @BeforeEach
  void a_project_with_a_jar_newer_than_its_sources() throws IOException {
    project = Files.createDirectories(temp.resolve("project"));
    Files.copy(Path.of("orchestrator"), project.resolve("orchestrator"));
    Path old = Files.createDirectories(project.resolve("src/main"));
    Path pom = Files.writeString(project.resolve("pom.xml"), "<project/>");
    Path jar = Files.createDirectories(project.resolve("target")).resolve("orchestrator.jar");
    Files.writeString(jar, "not really a jar: the fake java never opens it");
    FileTime yesterday = FileTime.from(Instant.now().minusSeconds(86_400));
    Files.setLastModifiedTime(old, yesterday);
    Files.setLastModifiedTime(pom, yesterday);
    tools = Files.createDirectories(temp.resolve("tools"));
    for (String tool : List.of("dirname", "readlink", "grep", "find", "head", "cat")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
    }
    ran = temp.resolve("ran");
  }

  @Test
  void runs_the_java_of_java_home_when_it_is_set() throws Exception {
    Path home = jdk("home", "17.0.2");
    Path onPath = jdk("path", "21.0.1");

    Result result = launch(home, onPath, "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(ran))
        .isEqualTo(
            "home -XX:TieredStopAtLevel=1 -jar "
                + project.resolve("target/orchestrator.jar")
                + " --version\n");
  }

  @Test
  void runs_the_java_on_the_path_without_java_home() throws Exception {
    Path onPath = jdk("path", "25");

    Result result = launch(null, onPath, "plan", "a requirement");

    assertThat(result.exitCode()).isZero();
    assertThat(Files.readString(ran))
        .startsWith("path -XX:TieredStopAtLevel=1 -jar ")
        .endsWith(" plan a requirement\n");
  }

  @Test
  void a_java_older_than_17_is_refused_in_one_line_that_says_what_to_do() throws Exception {
    Path home = jdk("home", "11.0.22");

    Result result = launch(home, null, "--version");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("Java 17", "Java 11", home.resolve("bin/java").toString(), "JAVA_HOME");
    assertThat(ran).doesNotExist();
  }

  @Test
  void a_jdk_without_a_release_file_is_asked_for_its_version() throws Exception {
    Path home = jdk("home", "1.8.0_392");
    Files.delete(home.resolve("release"));

    Result result = launch(home, null, "--version");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).singleElement().asString().contains("Java 8");
    assertThat(Files.readString(ran)).isEqualTo("home -version\n");
  }

  @Test
  void no_java_at_all_is_one_line_that_says_what_to_do() throws Exception {
    Result result = launch(null, null, "--version");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("no java", "JDK 17", "JAVA_HOME");
  }

  @Test
  void a_java_home_without_a_java_is_one_line_that_names_it() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("not-a-jdk"));

    Result result = launch(empty, jdk("path", "17"), "--version");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains(empty.resolve("bin/java").toString(), "JAVA_HOME", "JDK 17");
    assertThat(ran).doesNotExist();
  }

  /**
   * A JDK whose {@code bin/java} appends its name and arguments to {@link #ran}, answers {@code
   * -version} as OpenJDK does, and whose {@code release} file names its version.
   */
  private Path jdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(temp.resolve("jdk-" + name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(
        java,
        String.join(
            "\n",
            "#!/bin/bash",
            "echo \"" + name + " $*\" >>'" + ran + "'",
            "[ \"$1\" = -version ] && echo 'openjdk version \"" + version + "\" 2024-01-16' >&2",
            "exit 0",
            ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  /** Runs the launcher with JAVA_HOME and the JDK whose bin is on PATH (either may be null). */
  private Result launch(Path javaHome, Path onPath, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().addAll(List.of("/bin/bash", project.resolve("orchestrator").toString()));
    builder.command().addAll(List.of(args));
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", (onPath == null ? "" : onPath.resolve("bin") + ":") + tools);
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome.toString());
    }
    Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(30, SECONDS)).isTrue();
    return new Result(process.exitValue(), err);
  }

  private record Result(int exitCode, String err) {}
}
