package dev.orchestrator.run;

/** A run that a stop or cancel request can reach, whichever engine runs it. */
interface Halting {

  /** Starts no further task; running ones finish and count. */
  void stop();

  /** Starts no further task and ends the running ones; their tasks count as not started. */
  void cancel();
}
