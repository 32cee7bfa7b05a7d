package dev.orchestrator.verify;

import dev.orchestrator.output.ConsolidatedEntries;
import dev.orchestrator.output.DirectoryTree;
import dev.orchestrator.output.GeneratedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the consolidated project out of the output directory into a clean directory of its own,
 * where its tests run: a runner started in the output directory would also collect the raw {@code
 * executor_<k>/} copies beside it (node's does), and the tests may write where they run. Everything
 * at the top of the output directory that the run did not write itself is the project, so files
 * edited or added by hand are verified too. Links are not followed; dependency and cache
 * directories are left out.
 */
final class ProjectCopy {

  private ProjectCopy() {}

  /**
   * Copies the project and returns its files, relative and {@code /}-separated, sorted.
   *
   * @param target a directory that does not exist yet
   */
  static List<String> copy(Path outputDirectory, Path target) {
    List<String> files = new ArrayList<>();
    try {
      Files.createDirectories(target);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(outputDirectory)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (ConsolidatedEntries.isProjectEntry(name) && !GeneratedFiles.isDirectory(name)) {
            copyTree(entry, target.resolve(name), target, files);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the project of " + outputDirectory, e);
    }
    files.sort(null);
    return files;
  }

  private static void copyTree(Path source, Path destination, Path root, List<String> files)
      throws IOException {
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(source) && GeneratedFiles.isDirectory(dir.getFileName().toString())) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(destination.resolve(source.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              Path to = destination.resolve(source.relativize(file).toString());
              Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
              files.add(root.relativize(to).toString().replace('\\', '/'));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes a tree the verify step made; links are deleted, never followed. */
  static void delete(Path path) {
    try {
      DirectoryTree.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
