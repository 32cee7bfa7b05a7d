package dev.orchestrator.planner;

/**
 * The layers of a heuristic plan in build order. A task waits only for tasks of lower layers, which
 * is what keeps every heuristic plan acyclic.
 */
enum Layer {
  /** Data model, schemas, contracts, scaffolding: everything else builds on them. */
  FOUNDATION(1),
  /** Services, API endpoints, pipeline stages, game systems. */
  CORE(2),
  /** What people and programs touch: UI, screens, entry points, gateways. */
  INTERFACE(3),
  /** Integration tests, documentation and operations, once the product exists. */
  VERIFICATION(4);

  private final int priority;

  Layer(int priority) {
    this.priority = priority;
  }

  /** Plan priority of the layer's tasks: foundations first (1). */
  int priority() {
    return priority;
  }

  /** The layer above, or this one when it is the last. */
  Layer next() {
    return this == VERIFICATION ? this : values()[ordinal() + 1];
  }
}
