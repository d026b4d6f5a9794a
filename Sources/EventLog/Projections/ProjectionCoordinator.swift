import ComplaintLMDB

/// Keeps every registered ``Projection`` in step with the log: applies each commit's events inside
/// the commit's transaction, catches projections up when the log opens, and rebuilds them into a
/// new generation that replaces the old one atomically.
final class ProjectionCoordinator: CommitObserver {
    static let dataName = "projections"
    static let stateName = "projection-state"
    static let databaseSpecs = [DatabaseSpec(dataName), DatabaseSpec(stateName)]

    let projections: [any Projection]
    let next: (any CommitObserver)?
    private let data: Database
    private let state: Database

    init(projections: [any Projection], next: (any CommitObserver)?, environment: Environment) {
        self.projections = projections
        self.next = next
        data = environment.database(Self.dataName)
        state = environment.database(Self.stateName)
    }

    func projection(named name: String) -> (any Projection)? {
        projections.first { $0.name == name }
    }

    func space(_ name: String, generation: UInt32) -> ProjectionSpace {
        ProjectionSpace(database: data, name: name, generation: generation)
    }

    // MARK: Status

    func status(_ name: String, in txn: borrowing some ReadableTransaction & ~Copyable) throws -> ProjectionStatus? {
        try Array(name.utf8).withUnsafeBytes { key in
            try txn.withValue(in: state, key: key) { value -> ProjectionStatus? in
                guard let value else { return nil }
                var reader = ByteReader(value)
                do {
                    return ProjectionStatus(
                        name: name, generation: try reader.integer(), version: try reader.integer(),
                        checkpoint: try reader.integer())
                } catch {
                    throw EventLogError(.storageCorrupted, "the status of projection \(name) is malformed")
                }
            }
        }
    }

    func putStatus(_ status: ProjectionStatus, in txn: borrowing WriteTransaction) throws {
        var writer = ByteWriter(capacity: 16)
        writer.integer(status.generation)
        writer.integer(status.version)
        writer.integer(status.checkpoint)
        try txn.put(in: state, key: Array(status.name.utf8), value: writer.bytes)
    }

    // MARK: Incremental updates

    func record(_ events: [RecordedEvent], in transaction: borrowing WriteTransaction) throws {
        guard let last = events.last else { return }
        for projection in projections {
            guard var current = try status(projection.name, in: transaction) else {
                throw EventLogError(.storageCorrupted, "projection \(projection.name) has no status")
            }
            // Only events past the checkpoint: a projection caught up in this very transaction
            // must not see them twice.
            let fresh = events.drop { $0.position <= current.checkpoint }
            guard !fresh.isEmpty else { continue }
            try projection.apply(Array(fresh), to: space(projection.name, generation: current.generation), in: transaction)
            current.checkpoint = last.position
            try putStatus(current, in: transaction)
        }
        try next?.record(events, in: transaction)
    }

    func discarded() {
        for projection in projections { projection.discarded() }
        next?.discarded()
    }

    // MARK: Opening and rebuilding

    /// Brings every projection to the log's head: creates missing ones, rebuilds those whose version
    /// changed, applies events past each checkpoint. Runs before the writer starts.
    func catchUp(environment: Environment, storage: LogStorage, chunk: Int, progress: ((ProjectionProgress) -> Void)?) throws {
        for projection in projections {
            let existing = try environment.read { txn in try status(projection.name, in: txn) }
            if let existing, existing.version == projection.version {
                try replay(projection, generation: existing.generation, after: existing.checkpoint,
                           environment: environment, storage: storage, chunk: chunk, progress: progress, swap: false)
            } else {
                try rebuild(projection, environment: environment, storage: storage, chunk: chunk, progress: progress)
            }
        }
    }

    /// Rebuilds `projection` from position 1 into a new generation, in chunks of separate
    /// transactions, then swaps it in with its final catch-up in one transaction and removes the
    /// old generation. The live generation serves reads and keeps receiving commits until the swap.
    func rebuild(
        _ projection: any Projection, environment: Environment, storage: LogStorage, chunk: Int,
        progress: ((ProjectionProgress) -> Void)?
    ) throws {
        let current = try environment.read { txn in try status(projection.name, in: txn) }
        let generation = (current?.generation ?? 0) &+ 1
        try clearGeneration(projection.name, generation, environment: environment)
        try replay(projection, generation: generation, after: 0, environment: environment, storage: storage,
                   chunk: chunk, progress: progress, swap: true)
        if let old = current?.generation { try clearGeneration(projection.name, old, environment: environment) }
    }

    /// Applies the events after `checkpoint` to `generation` in chunks. The last chunk (the one that
    /// reaches the head) runs in the same transaction as the status update, so no commit can slip
    /// between the catch-up and the swap.
    private func replay(
        _ projection: any Projection, generation: UInt32, after checkpoint: UInt64, environment: Environment,
        storage: LogStorage, chunk: Int, progress: ((ProjectionProgress) -> Void)?, swap: Bool
    ) throws {
        do {
            try replayChunks(projection, generation: generation, after: checkpoint, environment: environment, storage: storage,
                             chunk: chunk, progress: progress, swap: swap)
        } catch {
            projection.discarded()
            throw error
        }
    }

    private func replayChunks(
        _ projection: any Projection, generation: UInt32, after checkpoint: UInt64, environment: Environment,
        storage: LogStorage, chunk: Int, progress: ((ProjectionProgress) -> Void)?, swap: Bool
    ) throws {
        let target = space(projection.name, generation: generation)
        var applied = checkpoint
        let total = try environment.read { txn in try storage.head(txn).position }
        while true {
            let events = try environment.read { txn in try storage.events(txn, from: applied + 1, limit: chunk) }
            if events.count < chunk { break }
            try environment.write { txn in try projection.apply(events, to: target, in: txn) }
            applied = events.last!.position
            if !swap {
                let status = ProjectionStatus(name: projection.name, generation: generation, version: projection.version, checkpoint: applied)
                try environment.write { txn in try putStatus(status, in: txn) }
            }
            progress?(ProjectionProgress(projection: projection.name, position: applied, head: max(total, applied)))
        }
        let head: UInt64 = try environment.write { txn in
            var position = applied
            while true {
                let events = try storage.events(txn, from: position + 1, limit: chunk)
                guard let last = events.last else { break }
                try projection.apply(events, to: target, in: txn)
                position = last.position
            }
            try putStatus(ProjectionStatus(name: projection.name, generation: generation, version: projection.version,
                                           checkpoint: position), in: txn)
            return position
        }
        progress?(ProjectionProgress(projection: projection.name, position: head, head: head))
    }

    private func clearGeneration(_ name: String, _ generation: UInt32, environment: Environment) throws {
        let doomed = space(name, generation: generation)
        while try environment.write({ txn in try doomed.clear(limit: 10_000, in: txn) }) > 0 {}
    }
}

/// How far a projection catch-up or rebuild has got.
public struct ProjectionProgress: Sendable, Hashable {
    /// The projection being built.
    public var projection: String
    /// The last position applied.
    public var position: UInt64
    /// The log's head when the work started (or the position, if later).
    public var head: UInt64
}
