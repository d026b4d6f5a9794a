/// Namespace for the value sets, service policies, business calendar and SLA clock arithmetic
/// that the pure complaint workflow is built on. Nothing here performs I/O or reads a clock.
public enum ComplaintPolicyModule {}
