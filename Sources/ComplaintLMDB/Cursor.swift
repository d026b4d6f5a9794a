import CComplaintLMDB

/// A position in one database, valid only inside the closure that opened it.
///
/// Each move returns the entry it lands on as `(key, value)` buffers that point into the memory
/// map; they stay valid until the next move or the end of the transaction. Copy what you keep.
public struct Cursor: ~Copyable {
    let cursor: OpaquePointer
    let database: Database

    /// One entry's key and value, borrowed from the memory map.
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    private func move(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws -> Entry? {
        var k = key.map(value) ?? MDB_val()
        var v = MDB_val()
        let rc = mdb_cursor_get(cursor, &k, &v, op)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_cursor_get(\(database), \(op.rawValue))")
        return (buffer(k), buffer(v))
    }

    /// Moves to the first entry.
    public func first() throws -> Entry? { try move(MDB_FIRST) }
    /// Moves to the last entry.
    public func last() throws -> Entry? { try move(MDB_LAST) }
    /// Moves to the next entry.
    public func next() throws -> Entry? { try move(MDB_NEXT) }
    /// Moves to the previous entry.
    public func previous() throws -> Entry? { try move(MDB_PREV) }
    /// Moves to the first entry whose key is greater than or equal to `key`.
    public func seek(atLeast key: UnsafeRawBufferPointer) throws -> Entry? { try move(MDB_SET_RANGE, key: key) }
    /// Moves to the entry whose key equals `key`.
    public func seek(exactly key: UnsafeRawBufferPointer) throws -> Entry? { try move(MDB_SET_KEY, key: key) }
}
