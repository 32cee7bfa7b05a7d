package dev.orchestrator.planner;

/**
 * The phases of a contract-first plan, in build order. A task waits only for tasks of earlier
 * phases, which keeps every heuristic plan acyclic and lets the tasks of one phase run side by
 * side.
 */
enum Layer {
  /**
   * One short task that fixes what the parts share (API schema, data model, message formats, module
   * boundaries) as files the later tasks read.
   */
  CONTRACT(1),
  /** The parts of the product, each built against the contract and owning its own files. */
  PART(2),
  /**
   * A component's own tests, written and run once that component is built: each waits only for the
   * parts that build its components, so they run beside the other components' work.
   */
  TESTS(3),
  /** Integration tests, documentation and checks, once the parts exist. */
  VERIFICATION(4);

  private final int priority;

  Layer(int priority) {
    this.priority = priority;
  }

  /** Plan priority of the phase's tasks unless a template says otherwise: the contract first. */
  int priority() {
    return priority;
  }
}
