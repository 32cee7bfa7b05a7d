package dev.orchestrator.run;

/**
 * Journals the ends of tasks that did not complete. They need not be on disk before anything
 * happens (a resumed run redoes every task that did not complete), so they are recorded from the
 * event stream rather than under the dispatcher's lock.
 */
final class JournalRecorder implements RunListener {

  private final Journal journal;

  JournalRecorder(Journal journal) {
    this.journal = journal;
  }

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.TaskFailed e) {
      journal.taskEnded(e.at(), e.taskId(), "failed", e.error());
    } else if (event instanceof RunEvent.TaskSkipped e) {
      journal.taskEnded(e.at(), e.taskId(), "skipped", e.reason());
    }
  }
}
