import CComplaintLMDB

/// Builds an `MDB_val` over bytes LMDB will only read (`mdb_put` never writes through `mv_data`
/// unless `MDB_RESERVE` is used), without copying them.
@inline(__always)
func value(_ bytes: UnsafeRawBufferPointer) -> MDB_val {
    MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
}

@inline(__always)
func buffer(_ val: MDB_val) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: val.mv_data, count: val.mv_size)
}

/// What both kinds of transaction can read, so read logic is written once.
public protocol ReadableTransaction: ~Copyable {
    /// Calls `body` with the value stored under `key`, or `nil` when there is none.
    func withValue<R>(
        in database: Database, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R
    /// Opens a cursor over `database` for the duration of `body`.
    func withCursor<R>(on database: Database, _ body: (borrowing Cursor) throws -> R) throws -> R
    /// The number of entries in `database`.
    func count(of database: Database) throws -> Int
}

extension ReadableTransaction where Self: ~Copyable {
    /// Returns a copy of the value stored under `key`, or `nil`.
    public func get(in database: Database, key: [UInt8]) throws -> [UInt8]? {
        try key.withUnsafeBytes { k in try withValue(in: database, key: k) { $0.map { Array($0) } } }
    }
}

/// A read-only view of an environment at one instant (an LMDB read transaction).
///
/// It exists only inside ``Environment/read(_:)``: it cannot be stored, returned or carried
/// across an `await`. Byte buffers it hands out point into the memory map and are valid only
/// inside the closure that receives them.
public struct ReadTransaction: ~Copyable, ReadableTransaction {
    let txn: OpaquePointer

    /// Calls `body` with the value stored under `key`, or `nil` when there is none.
    public func withValue<R>(
        in database: Database, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        try lookup(txn, database, key, body)
    }

    /// Opens a cursor over `database` for the duration of `body`.
    public func withCursor<R>(on database: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        try openCursor(txn, database, body)
    }

    /// The number of entries in `database`.
    public func count(of database: Database) throws -> Int {
        try entries(txn, database)
    }
}

/// The single write transaction of an environment.
///
/// It exists only inside ``Environment/write(_:)``, which commits when the closure returns and
/// aborts when it throws. When a put finds the map full, the environment grows the map and runs the
/// closure again from the start, so the closure must derive everything it writes from what it reads.
public struct WriteTransaction: ~Copyable, ReadableTransaction {
    let txn: OpaquePointer
    let state: WriteState

    /// Calls `body` with the value stored under `key` (including this transaction's own writes).
    public func withValue<R>(
        in database: Database, key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        try lookup(txn, database, key, body)
    }

    /// Stores `value` under `key`, replacing any earlier value.
    ///
    /// - Parameters:
    ///   - database: the database to write.
    ///   - key: the key's bytes.
    ///   - bytes: the value's bytes.
    ///   - append: the key is known to sort after every existing key (`MDB_APPEND`): faster,
    ///     and LMDB refuses (`MDB_KEYEXIST`) a key that does not.
    public func put(
        in database: Database, key: UnsafeRawBufferPointer, value bytes: UnsafeRawBufferPointer, append: Bool = false
    ) throws {
        var k = value(key)
        var v = value(bytes)
        let rc = mdb_put(txn, database.handle, &k, &v, append ? UInt32(MDB_APPEND) : 0)
        if rc != MDB_SUCCESS { throw state.record(LMDBError(code: rc, operation: "mdb_put(\(database))")) }
    }

    /// Stores `value` under `key`.
    public func put(in database: Database, key: [UInt8], value bytes: [UInt8], append: Bool = false) throws {
        try key.withUnsafeBytes { (k) in
            try bytes.withUnsafeBytes { (v) in try put(in: database, key: k, value: v, append: append) }
        }
    }

    /// Deletes the value under `key`; returns whether there was one.
    @discardableResult
    public func delete(in database: Database, key: [UInt8]) throws -> Bool {
        try key.withUnsafeBytes { (kb) throws -> Bool in
            var k = value(kb)
            let rc = mdb_del(txn, database.handle, &k, nil)
            if rc == MDB_NOTFOUND { return false }
            if rc != MDB_SUCCESS { throw state.record(LMDBError(code: rc, operation: "mdb_del(\(database))")) }
            return true
        }
    }

    /// Removes every entry of `database` (the database itself stays).
    public func clear(_ database: Database) throws {
        let rc = mdb_drop(txn, database.handle, 0)
        if rc != MDB_SUCCESS { throw state.record(LMDBError(code: rc, operation: "mdb_drop(\(database))")) }
    }

    /// Opens a cursor over `database` for the duration of `body`.
    public func withCursor<R>(on database: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
        try openCursor(txn, database, body)
    }

    /// The number of entries in `database`.
    public func count(of database: Database) throws -> Int {
        try entries(txn, database)
    }
}

/// What a write transaction saw that the environment must act on after it ends.
final class WriteState {
    var mapFull = false

    func record(_ error: LMDBError) -> LMDBError {
        if error.code == .mapFull { mapFull = true }
        return error
    }
}

private func lookup<R>(
    _ txn: OpaquePointer, _ database: Database, _ key: UnsafeRawBufferPointer,
    _ body: (UnsafeRawBufferPointer?) throws -> R
) throws -> R {
    var k = value(key)
    var v = MDB_val()
    let rc = mdb_get(txn, database.handle, &k, &v)
    if rc == MDB_NOTFOUND { return try body(nil) }
    try check(rc, "mdb_get(\(database))")
    return try body(buffer(v))
}

private func openCursor<R>(_ txn: OpaquePointer, _ database: Database, _ body: (borrowing Cursor) throws -> R) throws -> R {
    var cursor: OpaquePointer?
    try check(mdb_cursor_open(txn, database.handle, &cursor), "mdb_cursor_open(\(database))")
    defer { mdb_cursor_close(cursor) }
    return try body(Cursor(cursor: cursor!, database: database))
}

private func entries(_ txn: OpaquePointer, _ database: Database) throws -> Int {
    var stat = MDB_stat()
    try check(mdb_stat(txn, database.handle, &stat), "mdb_stat(\(database))")
    return stat.ms_entries
}
