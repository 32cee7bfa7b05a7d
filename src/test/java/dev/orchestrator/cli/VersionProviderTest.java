package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionProviderTest {

  @TempDir Path temp;

  @Test
  void prints_the_version_and_commit_from_the_jars_manifest() throws IOException {
    String[] lines = versionFrom(jar("0.3.1", "1a2b3c4", "false"));

    assertThat(lines[0]).isEqualTo("orchestrator 0.3.1 (commit 1a2b3c4)");
    assertThat(lines[1]).startsWith("Java 17");
  }

  @Test
  void says_when_the_build_had_local_changes() throws IOException {
    assertThat(versionFrom(jar("0.3.1", "1a2b3c4", "true"))[0])
        .isEqualTo("orchestrator 0.3.1 (commit 1a2b3c4, with local changes)");
  }

  @Test
  void leaves_the_commit_out_when_the_build_had_no_git() throws IOException {
    assertThat(versionFrom(jar("0.3.1", "${git.commit.id.abbrev}", "${git.dirty}"))[0])
        .isEqualTo("orchestrator 0.3.1");
  }

  @Test
  void says_development_build_when_run_from_classes() {
    assertThat(new VersionProvider().getVersion()[0]).isEqualTo("orchestrator development build");
  }

  private static String[] versionFrom(Path jar) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      return VersionProvider.version(loader);
    }
  }

  private Path jar(String version, String commit, String dirty) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    main.putValue(VersionProvider.VERSION, version);
    main.putValue(VersionProvider.COMMIT, commit);
    main.putValue(VersionProvider.DIRTY, dirty);
    Path jar = temp.resolve("orchestrator.jar");
    try (OutputStream out = Files.newOutputStream(jar)) {
      new JarOutputStream(out, manifest).close(); // a jar of the manifest alone
    }
    return jar;
  }
}
