import ComplaintLMDB

/// One pass over the log that brings several projections up to its head together: each chunk of
/// records is read and decoded once and applied to every projection that has not seen it yet, in
/// one write transaction per chunk.
///
/// A projection in the pass is either caught up in place (its checkpoint is written with every
/// chunk, in the chunk's transaction) or rebuilt into a fresh generation (its status is written only
/// by the last chunk, so the new generation is swapped in atomically while the old one keeps
/// serving reads and commits until then). The last chunk, the one that reaches the head, runs in
/// the same transaction as the status updates, so no commit can slip between catch-up and swap.
struct ProjectionReplay {
    /// A projection's part in the pass.
    struct Target {
        let projection: any Projection
        /// The generation the pass writes.
        let generation: UInt32
        /// The last position this generation has seen.
        var checkpoint: UInt64
        /// Rebuilt into a fresh generation (status written at the end) rather than caught up in
        /// place (status written with every chunk).
        let swaps: Bool
    }

    /// Records applied to all projections in turn before the next slice: a slice is small enough
    /// for a per-record cache that projections share (a host's memo of decoded payloads, say, of a
    /// few thousand records) to still hold its records when the last projection reads them, so
    /// each payload is decoded once per pass.
    static let slice = 1_024

    var targets: [Target]
    let coordinator: ProjectionCoordinator
    let environment: Environment
    let storage: LogStorage
    let chunk: Int
    let progress: ((ProjectionProgress) -> Void)?

    /// Runs the pass; on an error every projection in it is told its cached work was discarded.
    mutating func run() throws {
        guard !targets.isEmpty else { return }
        do {
            try replayChunks()
        } catch {
            for target in targets { target.projection.discarded() }
            throw error
        }
    }

    private mutating func replayChunks() throws {
        var applied = targets.map(\.checkpoint).min() ?? 0
        let total = try environment.read { txn in try storage.head(txn).position }
        while true {
            let events = try environment.read { txn in try storage.events(txn, from: applied + 1, limit: chunk) }
            if events.count < chunk { break }
            try environment.write { txn in
                try apply(events, in: txn)
                for target in targets where !target.swaps { try coordinator.putStatus(status(of: target), in: txn) }
            }
            applied = events.last!.position
            report(applied, head: max(total, applied))
        }
        let head: UInt64 = try environment.write { txn in
            var position = applied
            while true {
                let events = try storage.events(txn, from: position + 1, limit: chunk)
                guard let last = events.last else { break }
                try apply(events, in: txn)
                position = last.position
            }
            for target in targets { try coordinator.putStatus(status(of: target), in: txn) }
            return position
        }
        report(head, head: head)
    }

    /// Applies `events` to every target that has not seen them, slice by slice, and advances the
    /// targets' checkpoints.
    private mutating func apply(_ events: [RecordedEvent], in txn: borrowing WriteTransaction) throws {
        var start = events.startIndex
        while start < events.endIndex {
            let end = min(start + Self.slice, events.endIndex)
            let slice = events[start..<end]
            for index in targets.indices {
                let fresh = slice.drop { $0.position <= targets[index].checkpoint }
                guard let last = fresh.last else { continue }
                let target = targets[index]
                try target.projection.apply(
                    Array(fresh), to: coordinator.space(target.projection.name, generation: target.generation), in: txn)
                targets[index].checkpoint = last.position
            }
            start = end
        }
    }

    private func status(of target: Target) -> ProjectionStatus {
        ProjectionStatus(
            name: target.projection.name, generation: target.generation, version: target.projection.version,
            checkpoint: target.checkpoint)
    }

    private func report(_ position: UInt64, head: UInt64) {
        guard let progress else { return }
        for target in targets { progress(ProjectionProgress(projection: target.projection.name, position: position, head: head)) }
    }
}
