/// Domain-free append-only event log.
public enum EventLogModule {}
