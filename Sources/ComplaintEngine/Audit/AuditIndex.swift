import ComplaintLMDB
import EventLog

/// Range reads over the live generation of ``AuditProjection``: keys from a start key on, under a
/// prefix, up to an end key.
///
/// `ProjectionSpace.scan(prefix:)` starts at the beginning of a prefix; audit paging and time
/// ranges must start in the middle of one. Until EventLog offers a `scan(from:)`, this reads the
/// shared `projections` database with a cursor, using the key layout `ProjectionSpace` documents
/// (`u8 name length | name | u32 generation | key`). The live generation is read before and after
/// the read: generations only grow, so when both agree that generation was live for the whole read
/// (a rebuild swapping in meanwhile makes it read again).
struct AuditIndex {
    let log: EventLog
    static let database = "projections"
    static let maximumAttempts = 16

    /// Up to `limit` keys (without the space prefix) at or after `start` that begin with `prefix`,
    /// sort before `end` (when given) and pass `keep`, in key order.
    func keys(
        from start: [UInt8], prefix: [UInt8], before end: [UInt8]? = nil, limit: Int,
        where keep: (_ key: ArraySlice<UInt8>, _ value: UnsafeRawBufferPointer) -> Bool = { _, _ in true }
    ) throws -> [[UInt8]] {
        guard limit > 0 else { return [] }
        for _ in 0..<Self.maximumAttempts {
            let generation = try liveGeneration()
            let space = Self.spacePrefix(generation)
            let fullPrefix = space + prefix
            let seek = space + (start.lexicographicallyPrecedes(prefix) ? prefix : start)
            let found: [[UInt8]] = try reading { txn in
                try txn.withCursor(on: log.environment.database(Self.database)) { cursor in
                    var keys: [[UInt8]] = []
                    var entry = try seek.withUnsafeBytes { try cursor.seek(atLeast: $0) }
                    while let current = entry, current.key.starts(with: fullPrefix) {
                        let key = Array(current.key)[space.count...]
                        if let end, !key.lexicographicallyPrecedes(end) { break }
                        if keep(key, current.value) {
                            keys.append(Array(key))
                            if keys.count == limit { break }
                        }
                        entry = try cursor.next()
                    }
                    return keys
                }
            }
            if try liveGeneration() == generation { return found }
        }
        throw EventLogError(.storageFailed, "the audit index kept being rebuilt during a read")
    }

    private func liveGeneration() throws -> UInt32 {
        guard let status = try log.projectionStatus(AuditProjection.projectionName) else {
            throw EventLogError(.storageCorrupted, "the audit projection is not registered or not built")
        }
        return status.generation
    }

    static func spacePrefix(_ generation: UInt32) -> [UInt8] {
        let name = Array(AuditProjection.projectionName.utf8)
        return [UInt8(name.count)] + name + withUnsafeBytes(of: generation.bigEndian) { Array($0) }
    }

    private func reading<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        do {
            return try log.environment.read(body)
        } catch let error as EventLogError {
            throw error
        } catch let error as LMDBError {
            throw EventLogError(error.code == .closed ? .closed : .storageFailed, "read the audit index: \(error)", storage: error)
        }
    }
}
