/// Namespace for the pure complaint workflow: commands, events, `decide` and `evolve`.
/// Nothing here performs I/O, touches LMDB or reads a clock.
public enum ComplaintWorkflowModule {}
