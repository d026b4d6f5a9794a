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
    /// changed, applies events past each checkpoint, all in one pass over the log. Runs before the
    /// writer starts.
    func catchUp(environment: Environment, storage: LogStorage, chunk: Int, progress: ((ProjectionProgress) -> Void)?) throws {
        var inPlace: [ProjectionReplay.Target] = []
        var rebuilt: [any Projection] = []
        for projection in projections {
            let existing = try environment.read { txn in try status(projection.name, in: txn) }
            if let existing, existing.version == projection.version {
                inPlace.append(.init(projection: projection, generation: existing.generation, checkpoint: existing.checkpoint, swaps: false))
            } else {
                rebuilt.append(projection)
            }
        }
        try rebuild(rebuilt, alongside: inPlace, environment: environment, storage: storage, chunk: chunk, progress: progress)
    }

    /// Rebuilds `chosen` from position 1 into new generations in one pass over the log (chunks of
    /// separate transactions), then swaps them in with their final catch-up in one transaction and
    /// removes the old generations. The live generations serve reads and keep receiving commits
    /// until the swap. `inPlace` projections are caught up in the same pass.
    func rebuild(
        _ chosen: [any Projection], alongside inPlace: [ProjectionReplay.Target] = [], environment: Environment,
        storage: LogStorage, chunk: Int, progress: ((ProjectionProgress) -> Void)?
    ) throws {
        var fresh: [ProjectionReplay.Target] = []
        var old: [(name: String, generation: UInt32)] = []
        for projection in chosen {
            let current = try environment.read { txn in try status(projection.name, in: txn) }
            let generation = (current?.generation ?? 0) &+ 1
            try clearGeneration(projection.name, generation, environment: environment)
            fresh.append(.init(projection: projection, generation: generation, checkpoint: 0, swaps: true))
            if let current { old.append((projection.name, current.generation)) }
        }
        var replay = ProjectionReplay(
            targets: fresh + inPlace, coordinator: self, environment: environment, storage: storage, chunk: chunk,
            progress: progress)
        try replay.run()
        for (name, generation) in old { try clearGeneration(name, generation, environment: environment) }
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
