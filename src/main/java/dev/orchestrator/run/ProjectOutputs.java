package dev.orchestrator.run;

import dev.orchestrator.output.RunRecord;

/** Writes what a finished run leaves behind: summary, consolidated project, README. */
final class ProjectOutputs {

  private ProjectOutputs() {}

  static void write(RunRecord record) {
    // wired to the output package once its API settles (same session)
  }
}
