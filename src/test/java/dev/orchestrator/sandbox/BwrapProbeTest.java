package dev.orchestrator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BwrapProbeTest {

  @TempDir Path temp;

  Map<String, String> path(Path directory) {
    return Map.of("PATH", directory + ":/bin");
  }

  // A bwrap that fails the way Ubuntu 24.04's does for an unprivileged user.
  Path failingBwrap() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path bwrap = bin.resolve("bwrap");
    Files.writeString(
        bwrap, "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n");
    Files.setPosixFilePermissions(bwrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  Path procSys(String setting, String value) throws IOException {
    Path file = temp.resolve("sys").resolve(setting);
    Files.createDirectories(file.getParent());
    Files.writeString(file, value + "\n");
    return temp.resolve("sys");
  }

  @Test
  void without_bwrap_on_the_path_it_says_how_to_install_it() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));

    BwrapProbe.Result result = BwrapProbe.probe(Map.of("PATH", empty.toString()), true);

    assertThat(result.works()).isFalse();
    assertThat(result.problem())
        .startsWith("bubblewrap is not installed (no bwrap on PATH)")
        .contains("sudo apt-get install bubblewrap");
  }

  @Test
  void a_bwrap_that_apparmor_stops_is_explained_with_the_setting_to_change() throws IOException {
    BwrapProbe.Result result =
        BwrapProbe.probe(path(failingBwrap()), true, procSys(BwrapProbe.APPARMOR_SETTING, "1"));

    assertThat(result.works()).isFalse();
    assertThat(result.problem())
        .contains("cannot start a sandbox here (exit status 1: bwrap: setting up uid map")
        .contains("AppArmor forbids unprivileged user namespaces")
        .contains("sysctl -w kernel.apparmor_restrict_unprivileged_userns=0");
  }

  @Test
  void a_bwrap_without_user_namespaces_is_explained() throws IOException {
    BwrapProbe.Result result =
        BwrapProbe.probe(path(failingBwrap()), true, procSys(BwrapProbe.USERNS_SETTING, "0"));

    assertThat(result.problem()).contains("kernel.unprivileged_userns_clone = 0");
  }

  @Test
  void an_installed_bwrap_that_works_is_found() {
    BwrapProbe.Result result = BwrapProbe.probe(Map.of("PATH", "/usr/bin:/bin"), false);

    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/bwrap")), "skipped: /usr/bin/bwrap is not installed");
    assertThat(result.problem()).isNull();
    assertThat(result.bwrap()).isEqualTo(Path.of("/usr/bin/bwrap"));
  }
}
