extension WorkflowError {
    /// A stable error code (DOMAIN.md §9). Extensible: unknown raw values survive a round trip.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible, CaseIterable {
        /// The code as hosts and fixtures write it.
        public let rawValue: String

        /// Wraps a raw code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Shape, values or limits of the command are wrong (names the field).
        public static let validationFailed = Code(rawValue: "validationFailed")
        /// The actor's role (or identity) may not issue this command here.
        public static let notPermitted = Code(rawValue: "notPermitted")
        /// The command does not apply to the stream's current status.
        public static let invalidTransition = Code(rawValue: "invalidTransition")
        /// The complaint is closed.
        public static let alreadyClosed = Code(rawValue: "alreadyClosed")
        /// The stream (or a referenced one) does not exist.
        public static let unknownStream = Code(rawValue: "unknownStream")
        /// A creating command named a stream that exists.
        public static let streamExists = Code(rawValue: "streamExists")
        /// The stream is of another kind than the command needs.
        public static let wrongStreamKind = Code(rawValue: "wrongStreamKind")
        /// `expectedVersion` differs from the stream's version.
        public static let versionConflict = Code(rawValue: "versionConflict")
        /// The customer is not known to the store.
        public static let unknownCustomer = Code(rawValue: "unknownCustomer")
        /// The customer was forgotten (crypto-shredded) and cannot be used again.
        public static let customerForgotten = Code(rawValue: "customerForgotten")
        /// Assignment needs a classification.
        public static let notClassified = Code(rawValue: "notClassified")
        /// Assignment needs a severity assessment.
        public static let notAssessed = Code(rawValue: "notAssessed")
        /// Communicating a result needs an implemented resolution.
        public static let notImplemented = Code(rawValue: "notImplemented")
        /// The resolution awaits approval.
        public static let approvalRequired = Code(rawValue: "approvalRequired")
        /// Rejecting as false needs a false authenticity outcome.
        public static let authenticityNotFalse = Code(rawValue: "authenticityNotFalse")
        /// Closing as unreachable needs enough failed contact attempts.
        public static let notEnoughContactAttempts = Code(rawValue: "notEnoughContactAttempts")
        /// The reopen window after the latest acceptance has passed.
        public static let reopenWindowExpired = Code(rawValue: "reopenWindowExpired")
        /// An improvement plan lacks a root cause, objective or action.
        public static let planIncomplete = Code(rawValue: "planIncomplete")
        /// Another process holds the store's writer.
        public static let storeBusy = Code(rawValue: "storeBusy")
        /// The store cannot grow.
        public static let storageFull = Code(rawValue: "storageFull")
        /// The store failed verification.
        public static let storageCorrupted = Code(rawValue: "storageCorrupted")

        /// Every code of DOMAIN.md §9, in the order written there.
        public static let allCases: [Code] = [
            .validationFailed, .notPermitted, .invalidTransition, .alreadyClosed, .unknownStream,
            .streamExists, .wrongStreamKind, .versionConflict, .unknownCustomer, .customerForgotten,
            .notClassified, .notAssessed, .notImplemented, .approvalRequired, .authenticityNotFalse,
            .notEnoughContactAttempts, .reopenWindowExpired, .planIncomplete, .storeBusy, .storageFull,
            .storageCorrupted,
        ]

        /// The raw value.
        public var description: String { rawValue }
    }
}
