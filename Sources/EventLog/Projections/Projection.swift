public import ComplaintLMDB

/// A view derived from the log and stored in the log's own LMDB environment.
///
/// The log applies every commit's events to every registered projection inside the same write
/// transaction, and records the projection's checkpoint (the last position applied) there too, so a
/// projection is never ahead of or behind the log, even after a crash, and a command's effect is
/// visible as soon as its append returns.
///
/// `apply` must be deterministic: given the same events it must write the same bytes, because a
/// rebuild replays the log from position 1 into a fresh generation and must reach exactly the state
/// the incremental updates reached. It must not read the clock or anything outside `events` and
/// its own stored state.
public protocol Projection: Sendable {
    /// A stable name, 1–64 bytes; it namespaces the projection's keys.
    var name: String { get }
    /// The projection's schema version. Opening a log whose stored projection has another version
    /// rebuilds it from the log.
    var version: UInt32 { get }
    /// Applies events (in position order) to the projection's stored state.
    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws

    /// Called when a transaction in which ``apply(_:to:in:)`` ran was aborted instead of committed:
    /// a projection that caches what it wrote (outside LMDB) must forget it.
    func discarded()
}

extension Projection {
    /// Nothing cached by default.
    public func discarded() {}
}

/// Where a projection is at: its generation, schema version and checkpoint.
public struct ProjectionStatus: Sendable, Hashable {
    /// The projection's name.
    public var name: String
    /// Its live generation (incremented by each rebuild).
    public var generation: UInt32
    /// The schema version its stored state was built with.
    public var version: UInt32
    /// The last log position applied to it.
    public var checkpoint: UInt64

    /// Creates a status record.
    public init(name: String, generation: UInt32, version: UInt32, checkpoint: UInt64) {
        self.name = name
        self.generation = generation
        self.version = version
        self.checkpoint = checkpoint
    }
}
