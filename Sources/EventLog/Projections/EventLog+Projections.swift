public import ComplaintLMDB

extension EventLog {
    /// Where a registered projection is at, or `nil` when it is not registered or not built yet.
    public func projectionStatus(_ name: String) throws -> ProjectionStatus? {
        guard let projections else { return nil }
        return try reading { txn in try projections.status(name, in: txn) }
    }

    /// Reads a projection's live generation in one consistent read transaction.
    ///
    /// - Throws: ``EventLogError/Code/validationFailed`` (field `projection`) for a name that is not
    ///   registered.
    public func readProjection<R>(
        _ name: String, _ body: (ProjectionSpace, borrowing ReadTransaction) throws -> R
    ) throws -> R {
        guard let projections, projections.projection(named: name) != nil else {
            throw EventLogError.invalid("projection", "\(name) is not a registered projection")
        }
        return try reading { txn in
            guard let status = try projections.status(name, in: txn) else {
                throw EventLogError(.storageCorrupted, "projection \(name) has no status")
            }
            return try body(projections.space(name, generation: status.generation), txn)
        }
    }

    /// Rebuilds projections (all when `names` is `nil`) from position 1 into new generations, all in
    /// one pass over the log (each record is read once for all of them), swapped in together
    /// atomically once they have caught up; reads keep using the old generations until then and
    /// commits keep flowing. Blocking: call it from a background task or thread.
    public func rebuildProjections(
        _ names: [String]? = nil, progress: ((ProjectionProgress) -> Void)? = nil
    ) throws {
        guard configuration.access == .readWrite else {
            throw EventLogError(.readOnly, "the event log was opened read-only")
        }
        guard let projections else { return }
        let names = Set(names ?? projections.projections.map(\.name))
        if let unknown = names.first(where: { projections.projection(named: $0) == nil }) {
            throw EventLogError.invalid("projection", "\(unknown) is not a registered projection")
        }
        // In registration order, each once: projections registered earlier may fill decode caches
        // that later ones use.
        let chosen = projections.projections.filter { names.contains($0.name) }
        do {
            try projections.rebuild(
                chosen, environment: environment, storage: storage, chunk: configuration.projectionChunkSize,
                progress: progress)
        } catch {
            throw EventLogError.from(error, doing: "rebuild")
        }
    }

    /// Every key and value of a projection's live generation, in key order (for audits and tests).
    public func dumpProjection(_ name: String) throws -> [(key: [UInt8], value: [UInt8])] {
        try readProjection(name) { space, txn in
            var entries: [(key: [UInt8], value: [UInt8])] = []
            try space.scan(in: txn) { key, value in
                entries.append((Array(key), Array(value)))
                return true
            }
            return entries
        }
    }
}
