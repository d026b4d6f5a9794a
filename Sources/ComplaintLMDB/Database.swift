import CComplaintLMDB

/// A named database inside an ``Environment``, opened once when the environment opens and valid
/// for the environment's lifetime (LMDB's `MDB_dbi`).
public struct Database: Sendable, Hashable, CustomStringConvertible {
    let handle: MDB_dbi
    /// The database's name in the environment.
    public let name: String

    /// The database's name.
    public var description: String { name }
}

/// Declares a named database an environment opens (and, when writable, creates).
public struct DatabaseSpec: Sendable, Hashable {
    /// The database's name.
    public let name: String
    /// Keys are native-order integers (`MDB_INTEGERKEY`). The event log does not use this: it keys
    /// by big-endian bytes so that ordinary byte order is numeric order on every tool.
    public let integerKeys: Bool

    /// Declares a database named `name`.
    public init(_ name: String, integerKeys: Bool = false) {
        self.name = name
        self.integerKeys = integerKeys
    }
}
