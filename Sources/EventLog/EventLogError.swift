public import ComplaintLMDB

/// Why the event log refused or failed an operation. Nothing is written when it is thrown.
public struct EventLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code; hosts and fixtures match on it.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Wraps a code name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Input broke a limit or a shape rule (``EventLogError/field`` names the input).
        public static let validationFailed = Code(rawValue: "validationFailed")
        /// A stream's current version differs from the expected one.
        public static let versionConflict = Code(rawValue: "versionConflict")
        /// The stream exists with another kind.
        public static let wrongStreamKind = Code(rawValue: "wrongStreamKind")
        /// Another process (or another log in this process) holds the store's writer lock.
        public static let storeBusy = Code(rawValue: "storeBusy")
        /// The map reached its configured maximum, or the disk is full.
        public static let storageFull = Code(rawValue: "storageFull")
        /// The data file is damaged (``EventLogError/position`` names where, when known).
        public static let storageCorrupted = Code(rawValue: "storageCorrupted")
        /// The log was opened read-only.
        public static let readOnly = Code(rawValue: "readOnly")
        /// The log was closed.
        public static let closed = Code(rawValue: "closed")
        /// Another storage failure; ``EventLogError/storage`` has LMDB's code and message.
        public static let storageFailed = Code(rawValue: "storageFailed")

        /// The code's name.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence saying what was refused and why.
    public let message: String
    /// The offending input for ``Code/validationFailed`` (`streamId`, `payload`, …).
    public let field: String?
    /// The log position involved, when there is one.
    public let position: UInt64?
    /// The underlying LMDB error, when storage failed.
    public let storage: LMDBError?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, field: String? = nil, position: UInt64? = nil, storage: LMDBError? = nil
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.position = position
        self.storage = storage
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    static func invalid(_ field: String, _ reason: String) -> EventLogError {
        EventLogError(.validationFailed, "\(field) \(reason)", field: field)
    }

    /// Translates an LMDB failure into the log's vocabulary.
    static func from(_ error: any Error, doing operation: String) -> EventLogError {
        if let error = error as? EventLogError { return error }
        guard let lmdb = error as? LMDBError else {
            return EventLogError(.storageFailed, "\(operation): \(error)")
        }
        switch lmdb.code {
        case .mapFull, .noSpace:
            return EventLogError(.storageFull, "\(operation): \(lmdb.message)", storage: lmdb)
        case .closed:
            return EventLogError(.closed, "\(operation): the event log is closed", storage: lmdb)
        case .wouldBlock:
            return EventLogError(.storeBusy, "\(operation): the store is held by another writer (\(lmdb.operation))", storage: lmdb)
        case let code where code.isCorruption:
            return EventLogError(.storageCorrupted, "\(operation): \(lmdb.message)", storage: lmdb)
        default:
            return EventLogError(.storageFailed, "\(operation): \(lmdb)", storage: lmdb)
        }
    }
}

extension EventLogError.Code {
    /// Matches an error against a code in `catch` patterns.
    public static func ~= (code: EventLogError.Code, error: any Error) -> Bool {
        (error as? EventLogError)?.code == code
    }
}
