/// How an environment makes commits durable.
public enum Durability: String, Sendable, Hashable, CaseIterable {
    /// Every commit is flushed to disk (`fdatasync`) before it returns: nothing acknowledged is lost,
    /// even on power loss. The default.
    case durable
    /// Commits are not flushed (`MDB_NOSYNC`); the owner flushes periodically with
    /// ``Environment/sync(force:)``. A process crash loses nothing (the page cache survives it);
    /// a power loss or kernel crash may lose the commits since the last flush, never corrupt the file.
    case relaxed
}
