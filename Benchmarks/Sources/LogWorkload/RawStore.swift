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

    /// A raw cursor scan of `database` from its first entry: touches each key and the value's
    /// first and last byte, copies nothing. Returns the entries seen and a checksum.
    public static func scan(_ environment: Environment, _ database: Database) throws -> (count: Int, checksum: UInt64) {
        try environment.read { txn in
            try txn.withCursor(on: database) { cursor in
                var count = 0
                var checksum: UInt64 = 0
                var entry = try cursor.first()
                while let current = entry {
                    count += 1
                    checksum &+= UInt64(current.key[7]) &+ UInt64(current.value.count)
                        &+ UInt64(current.value[0]) &+ UInt64(current.value[current.value.count - 1])
                    entry = try cursor.next()
                }
                return (count, checksum)
            }
        }
    }

    /// Like ``scan(_:_:)`` but in read transactions of `chunk` entries, as the log's batched
    /// `read(from:limit:)` does, so the two differ only in what they do per record.
    public static func scanInChunks(_ environment: Environment, _ database: Database, chunk: Int = 1_000) throws -> (count: Int, checksum: UInt64) {
        var count = 0
        var checksum: UInt64 = 0
        var next: UInt64 = 1
        while true {
            let seen = try environment.read { txn in
                try txn.withCursor(on: database) { cursor -> Int in
                    var key = next.bigEndian
                    var entry = try withUnsafeBytes(of: &key) { try cursor.seek(atLeast: $0) }
                    var seen = 0
                    while let current = entry, seen < chunk {
                        seen += 1
                        checksum &+= UInt64(current.key[7]) &+ UInt64(current.value.count)
                            &+ UInt64(current.value[0]) &+ UInt64(current.value[current.value.count - 1])
                        entry = try cursor.next()
                    }
                    return seen
                }
            }
            count += seen
            next += UInt64(seen)
            if seen < chunk { return (count, checksum) }
        }
    }
}
