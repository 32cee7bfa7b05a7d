package dev.orchestrator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/**
 * The project's version and the git commit it was built from, as the build wrote them into the
 * jar's manifest; "development build" when run from classes, and no commit when the build had no
 * git checkout.
 */
final class VersionProvider implements IVersionProvider {

  static final String VERSION = "Implementation-Version";
  static final String COMMIT = "Git-Commit";
  static final String DIRTY = "Git-Dirty";

  @Override
  public String[] getVersion() {
    return version(VersionProvider.class.getClassLoader());
  }

  /** The version lines, from the manifest that the given class loader finds. */
  static String[] version(ClassLoader loader) {
    Attributes manifest = manifest(loader);
    String version = manifest == null ? null : known(manifest.getValue(VERSION));
    String commit = manifest == null ? null : known(manifest.getValue(COMMIT));
    boolean dirty = manifest != null && "true".equals(manifest.getValue(DIRTY));
    return new String[] {
      "orchestrator "
          + (version == null ? "development build" : version)
          + (commit == null
              ? ""
              : " (commit " + commit + (dirty ? ", with local changes" : "") + ")"),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** Our manifest: the one that names this command's main class, not a dependency's. */
  private static Attributes manifest(ClassLoader loader) {
    try {
      Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        try (InputStream in = manifests.nextElement().openStream()) {
          Attributes main = new Manifest(in).getMainAttributes();
          if (Main.class.getName().equals(main.getValue(Attributes.Name.MAIN_CLASS))) {
            return main;
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the jar's manifest", e);
    }
  }

  // A build without git leaves the property unexpanded: "${git.commit.id.abbrev}".
  private static String known(String value) {
    return value == null || value.isBlank() || value.contains("${") ? null : value;
  }
}
