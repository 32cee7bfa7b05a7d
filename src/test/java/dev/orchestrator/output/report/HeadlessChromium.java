package dev.orchestrator.output.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chromium in headless mode, one process per page: {@code --dump-dom} prints the DOM after the page
 * loaded, {@code --screenshot} paints it to a PNG. Each call is killed, with its children, when it
 * runs past the timeout.
 */
final class HeadlessChromium {

  /** Where Debian's {@code chromium} package installs it. */
  static final Path DEBIAN = Path.of("/usr/bin/chromium");

  private static final List<String> NAMES = List.of("chromium", "chromium-browser");

  private final Path executable;
  private final Path workDirectory;
  private final Duration timeout;

  HeadlessChromium(Path executable, Path workDirectory, Duration timeout) {
    this.executable = executable;
    this.workDirectory = workDirectory;
    this.timeout = timeout;
  }

  /** {@code chromium} or {@code chromium-browser} on the PATH, else {@link #DEBIAN}, if any. */
  static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        for (String name : NAMES) {
          Path candidate = Path.of(dir, name);
          if (Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        }
      }
    }
    return Files.isExecutable(DEBIAN) ? Optional.of(DEBIAN) : Optional.empty();
  }

  /** The DOM of the page once loaded, serialised as HTML. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = workDirectory.resolve("dom.html");
    run(out, "--dump-dom", page.toUri().toString());
    return Files.readString(out);
  }

  /** Paints the page in a window of that size into a PNG file. */
  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(
        workDirectory.resolve("screenshot.log"),
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(),
        page.toUri().toString());
  }

  private void run(Path stdout, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox", // tests may run as root in a container
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--user-data-dir=" + workDirectory.resolve("profile")));
    command.addAll(List.of(arguments));
    Path stderr = workDirectory.resolve("chromium.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "chromium took longer than " + timeout + " and was killed: " + command);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "chromium exited with " + process.exitValue() + ": " + command + "\n" + tail(stderr));
    }
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file);
    return text.substring(Math.max(0, text.length() - 2000));
  }
}
