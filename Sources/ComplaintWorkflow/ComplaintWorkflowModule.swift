/// Namespace for the pure complaint workflow: commands, events, `decide` and `evolve`.
///
/// Nothing here performs I/O, touches LMDB or reads a clock: time comes in through
/// ``DecisionContext/now``.
public enum ComplaintWorkflowModule {}
