public import ComplaintLMDB

/// Receives every batch of newly recorded events inside the write transaction that records them,
/// so that state derived from the log (projections and their checkpoints) commits atomically with it.
///
/// It runs on the log's writer thread and must not block on anything else. Throwing fails every
/// append of the batch and records nothing. When the map fills, the whole transaction runs again,
/// so the observer must derive what it writes from the events and the transaction alone.
public protocol CommitObserver: Sendable {
    /// Called with the events of one commit, in position order, before the commit.
    func record(_ events: [RecordedEvent], in transaction: borrowing WriteTransaction) throws

    /// Called after a transaction in which ``record(_:in:)`` ran did not commit (it failed and was
    /// aborted), so an observer that remembers anything outside the transaction can forget it.
    func discarded()
}

extension CommitObserver {
    /// Nothing to forget by default.
    public func discarded() {}
}
