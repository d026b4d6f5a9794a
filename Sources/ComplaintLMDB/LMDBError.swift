import CComplaintLMDB
#if canImport(Glibc)
import Glibc
#endif

/// An error returned by LMDB, carrying LMDB's own return code and message.
///
/// Every `MDB_*` return code maps to a named ``Code``; system errors (`errno` values such as
/// `ENOSPC`) keep their number. Match with `~=` on the code:
///
/// ```swift
/// catch let error as LMDBError where error.code == .mapFull { … }
/// ```
public struct LMDBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An LMDB or system return code.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The raw `int` LMDB returned (negative for `MDB_*` codes, positive for `errno` values).
        public let rawValue: Int32
        /// Wraps a raw return code.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// `MDB_KEYEXIST`: key/data pair already exists.
        public static let keyExists = Code(rawValue: MDB_KEYEXIST)
        /// `MDB_NOTFOUND`: no matching key/data pair found.
        public static let notFound = Code(rawValue: MDB_NOTFOUND)
        /// `MDB_PAGE_NOTFOUND`: requested page not found (corruption).
        public static let pageNotFound = Code(rawValue: MDB_PAGE_NOTFOUND)
        /// `MDB_CORRUPTED`: located page was of the wrong type.
        public static let corrupted = Code(rawValue: MDB_CORRUPTED)
        /// `MDB_PANIC`: update of meta page failed or environment had a fatal error.
        public static let panic = Code(rawValue: MDB_PANIC)
        /// `MDB_VERSION_MISMATCH`: environment version mismatch.
        public static let versionMismatch = Code(rawValue: MDB_VERSION_MISMATCH)
        /// `MDB_INVALID`: file is not a valid LMDB file.
        public static let invalid = Code(rawValue: MDB_INVALID)
        /// `MDB_MAP_FULL`: environment map size reached.
        public static let mapFull = Code(rawValue: MDB_MAP_FULL)
        /// `MDB_DBS_FULL`: environment maximum named databases reached.
        public static let databasesFull = Code(rawValue: MDB_DBS_FULL)
        /// `MDB_READERS_FULL`: environment reader table full.
        public static let readersFull = Code(rawValue: MDB_READERS_FULL)
        /// `MDB_TLS_FULL`: too many thread-local storage keys.
        public static let tlsFull = Code(rawValue: MDB_TLS_FULL)
        /// `MDB_TXN_FULL`: transaction has too many dirty pages.
        public static let transactionFull = Code(rawValue: MDB_TXN_FULL)
        /// `MDB_CURSOR_FULL`: cursor stack too deep.
        public static let cursorFull = Code(rawValue: MDB_CURSOR_FULL)
        /// `MDB_PAGE_FULL`: page has not enough space.
        public static let pageFull = Code(rawValue: MDB_PAGE_FULL)
        /// `MDB_MAP_RESIZED`: another process grew the map beyond this one's mapping.
        public static let mapResized = Code(rawValue: MDB_MAP_RESIZED)
        /// `MDB_INCOMPATIBLE`: operation and database are incompatible.
        public static let incompatible = Code(rawValue: MDB_INCOMPATIBLE)
        /// `MDB_BAD_RSLOT`: invalid reuse of a reader locktable slot.
        public static let badReaderSlot = Code(rawValue: MDB_BAD_RSLOT)
        /// `MDB_BAD_TXN`: transaction must abort, has a child, or is invalid.
        public static let badTransaction = Code(rawValue: MDB_BAD_TXN)
        /// `MDB_BAD_VALSIZE`: unsupported size of key/DB name/data, or wrong DUPFIXED size.
        public static let badValueSize = Code(rawValue: MDB_BAD_VALSIZE)
        /// `MDB_BAD_DBI`: the database handle was closed or changed unexpectedly.
        public static let badDatabase = Code(rawValue: MDB_BAD_DBI)
        /// `ENOSPC`: no space left on the device.
        public static let noSpace = Code(rawValue: ENOSPC)
        /// `EACCES`: permission denied (for example a read-write open of a read-only file).
        public static let accessDenied = Code(rawValue: EACCES)
        /// `ENOENT`: the environment directory does not exist.
        public static let noSuchFile = Code(rawValue: ENOENT)
        /// `EBADF`: the environment was closed.
        public static let closed = Code(rawValue: EBADF)
        /// `EAGAIN`/`EWOULDBLOCK`: a lock is held elsewhere.
        public static let wouldBlock = Code(rawValue: EAGAIN)

        /// The symbolic name (`MDB_MAP_FULL`) or `errno N`.
        public var description: String {
            switch self {
            case .keyExists: "MDB_KEYEXIST"
            case .notFound: "MDB_NOTFOUND"
            case .pageNotFound: "MDB_PAGE_NOTFOUND"
            case .corrupted: "MDB_CORRUPTED"
            case .panic: "MDB_PANIC"
            case .versionMismatch: "MDB_VERSION_MISMATCH"
            case .invalid: "MDB_INVALID"
            case .mapFull: "MDB_MAP_FULL"
            case .databasesFull: "MDB_DBS_FULL"
            case .readersFull: "MDB_READERS_FULL"
            case .tlsFull: "MDB_TLS_FULL"
            case .transactionFull: "MDB_TXN_FULL"
            case .cursorFull: "MDB_CURSOR_FULL"
            case .pageFull: "MDB_PAGE_FULL"
            case .mapResized: "MDB_MAP_RESIZED"
            case .incompatible: "MDB_INCOMPATIBLE"
            case .badReaderSlot: "MDB_BAD_RSLOT"
            case .badTransaction: "MDB_BAD_TXN"
            case .badValueSize: "MDB_BAD_VALSIZE"
            case .badDatabase: "MDB_BAD_DBI"
            default: "errno \(rawValue)"
            }
        }

        /// Whether the code says the data file is damaged.
        public var isCorruption: Bool {
            self == .corrupted || self == .pageNotFound || self == .panic || self == .invalid
        }
    }

    /// The return code.
    public let code: Code
    /// LMDB's own message for the code (`mdb_strerror`).
    public let message: String
    /// The LMDB call that failed, such as `mdb_put` or `mdb_env_open`.
    public let operation: String

    /// Creates an error for `code` returned by `operation`, with LMDB's message.
    public init(code: Int32, operation: String) {
        self.code = Code(rawValue: code)
        self.message = String(cString: mdb_strerror(code))
        self.operation = operation
    }

    /// `operation failed: MDB_X: message`.
    public var description: String { "\(operation) failed: \(code): \(message)" }

}

extension LMDBError.Code {
    /// Matches an error against a code, so `case LMDBError.Code.mapFull:` works in a `catch` switch.
    public static func ~= (code: LMDBError.Code, error: any Error) -> Bool {
        (error as? LMDBError)?.code == code
    }
}

/// Throws an ``LMDBError`` when `rc` is not `MDB_SUCCESS`.
@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
    if rc != MDB_SUCCESS { throw LMDBError(code: rc, operation: operation()) }
}
