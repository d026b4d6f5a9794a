public import ComplaintLMDB

/// One generation of one projection's keys inside the shared `projections` database.
///
/// Keys are stored as `u8 name length | name | u32 generation | key`, so generations of a projection
/// live side by side during a rebuild and the swap is a single checkpoint write.
public struct ProjectionSpace: Sendable, Hashable {
    let database: Database
    let prefix: [UInt8]

    init(database: Database, name: String, generation: UInt32) {
        self.database = database
        var prefix: [UInt8] = [UInt8(name.utf8.count)]
        prefix.append(contentsOf: name.utf8)
        withUnsafeBytes(of: generation.bigEndian) { prefix.append(contentsOf: $0) }
        self.prefix = prefix
    }

    private func full(_ key: [UInt8]) -> [UInt8] { prefix + key }

    /// The value under `key`, or `nil`.
    public func get(_ key: [UInt8], in transaction: borrowing some ReadableTransaction & ~Copyable) throws -> [UInt8]? {
        try full(key).withUnsafeBytes { fullKey in
            try transaction.withValue(in: database, key: fullKey) { $0.map { Array($0) } }
        }
    }

    /// Stores `value` under `key`.
    public func put(_ key: [UInt8], _ value: [UInt8], in transaction: borrowing WriteTransaction) throws {
        try transaction.put(in: database, key: full(key), value: value)
    }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public func delete(_ key: [UInt8], in transaction: borrowing WriteTransaction) throws -> Bool {
        try transaction.delete(in: database, key: full(key))
    }

    /// Calls `body` with each key (without the space's prefix) and value whose key starts with
    /// `prefix`, in byte order, until `body` returns `false`.
    public func scan(
        prefix keyPrefix: [UInt8] = [], in transaction: borrowing some ReadableTransaction & ~Copyable,
        _ body: (_ key: ArraySlice<UInt8>, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        let start = full(keyPrefix)
        try transaction.withCursor(on: database) { cursor in
            var entry = try start.withUnsafeBytes { try cursor.seek(atLeast: $0) }
            while let current = entry, current.key.starts(with: start) {
                let key = Array(current.key)[prefix.count...]
                guard try body(key, current.value) else { return }
                entry = try cursor.next()
            }
        }
    }

    /// Deletes up to `limit` keys of this space; returns how many it deleted.
    func clear(limit: Int, in transaction: borrowing WriteTransaction) throws -> Int {
        var keys: [[UInt8]] = []
        try scan(in: transaction) { key, _ in
            keys.append(Array(key))
            return keys.count < limit
        }
        for key in keys { try delete(key, in: transaction) }
        return keys.count
    }
}
