public import ComplaintLMDB

/// The raw baselines: the same record bytes put straight into one LMDB database through the thin
/// layer (`ComplaintLMDB`), with big-endian position keys as the log uses, and no hash chain,
/// stream index, stream table or command table.
public struct RawStore: Sendable {
    public let environment: Environment
    public let events: Database

    /// Opens (creating) a one-database environment in `directory`.
    public static func open(directory: String, durability: Durability) throws -> RawStore {
        let environment = try Environment.open(
            directory: directory,
            configuration: EnvironmentConfiguration(databases: [DatabaseSpec("events")], durability: durability))
        return RawStore(environment: environment, events: environment.database("events"))
    }

    public func close() { environment.close() }

    /// One write transaction putting `count` records under keys `first ..< first + count`
    /// (`MDB_APPEND` unless `append` is false, as the log's events database does), cycling
    /// through `records`.
    public func putBatch(_ records: [[UInt8]], first: UInt64, count: Int, append: Bool = true) throws {
        try environment.write { txn in
            for offset in 0..<count {
                var key = (first + UInt64(offset)).bigEndian
                try withUnsafeBytes(of: &key) { k in
                    try records[offset % records.count].withUnsafeBytes { v in
                        try txn.put(in: events, key: k, value: v, append: append)
                    }
                }
            }
        }
    }

    /// One write transaction (one commit, and one sync when durable) with one put.
    public func commitOne(_ record: [UInt8], key position: UInt64) throws {
        try environment.write { txn in
            var key = position.bigEndian
            try withUnsafeBytes(of: &key) { k in
                try record.withUnsafeBytes { v in try txn.put(in: events, key: k, value: v, append: true) }
            }
        }
    }

    /// A raw cursor scan of up to `limit` entries of `database` from key `position` on, in one read
    /// transaction: touches each key and the value's first and last byte, copies nothing. Returns
    /// the entries seen and a checksum.
    public static func scan(
        _ environment: Environment, _ database: Database, from position: UInt64 = 1, limit: Int = .max
    ) throws -> (count: Int, checksum: UInt64) {
        try environment.read { txn in
            try txn.withCursor(on: database) { cursor in
                var key = position.bigEndian
                var entry = try withUnsafeBytes(of: &key) { try cursor.seek(atLeast: $0) }
                var count = 0
                var checksum: UInt64 = 0
                while let current = entry, count < limit {
                    count += 1
                    checksum &+= UInt64(current.key[7]) &+ UInt64(current.value.count)
                        &+ UInt64(current.value[0]) &+ UInt64(current.value[current.value.count - 1])
                    entry = try cursor.next()
                }
                return (count, checksum)
            }
        }
    }

    /// ``scan(_:_:from:limit:)`` over the whole database in read transactions of `chunk` entries,
    /// as the log's batched `read(from:limit:)` does, so the two differ only in what they do per record.
    public static func scanInChunks(_ environment: Environment, _ database: Database, chunk: Int = 1_000) throws -> (count: Int, checksum: UInt64) {
        var count = 0
        var checksum: UInt64 = 0
        while true {
            let part = try scan(environment, database, from: UInt64(count + 1), limit: chunk)
            count += part.count
            checksum &+= part.checksum
            if part.count < chunk { return (count, checksum) }
        }
    }
}
