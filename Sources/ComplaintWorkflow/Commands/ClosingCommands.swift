public import ComplaintPolicy

/// Closes a complaint found false (003 §3.1): reason `falseComplaint`.
public struct RejectAsFalse: CommandPayload {
    /// `RejectAsFalse`.
    public static let name = CommandName.rejectAsFalse
    /// Why.
    public var note: String

    /// Creates the command.
    public init(note: String) { self.note = note }

    /// A note is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }
}

/// Closes a complaint the customer withdrew: reason `withdrawn`.
public struct WithdrawComplaint: CommandPayload {
    /// `WithdrawComplaint`.
    public static let name = CommandName.withdrawComplaint
    /// Why.
    public var note: String?

    /// Creates the command.
    public init(note: String? = nil) { self.note = note }

    /// A note, when given, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }
}

/// Closes (archives, 003 §4.3 歸檔) a complaint for `resolved`, `unreachable`, `duplicate` or
/// `referred`.
public struct CloseComplaint: CommandPayload {
    /// `CloseComplaint`.
    public static let name = CommandName.closeComplaint
    /// The reasons this command accepts.
    public static let acceptedReasons: [ClosureReason] = [.resolved, .unreachable, .duplicate, .referred]
    /// Why it is closed.
    public var reason: ClosureReason
    /// The complaint this one duplicates (required for `duplicate`).
    public var duplicateOf: String?
    /// A note.
    public var note: String?

    /// Creates the command.
    public init(reason: ClosureReason, duplicateOf: String? = nil, note: String? = nil) {
        self.reason = reason
        self.duplicateOf = duplicateOf
        self.note = note
    }

    /// The reason is one this command accepts; `duplicateOf` is given exactly for `duplicate`.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        guard Self.acceptedReasons.contains(reason) else {
            throw .invalid(
                "reason",
                "'\(reason.rawValue)' is not a CloseComplaint reason; expected one of "
                    + Self.acceptedReasons.map(\.rawValue).joined(separator: ", "))
        }
        if reason == .duplicate {
            guard let duplicateOf else { throw .invalid("duplicateOf", "is required when the reason is duplicate") }
            try Identifier.validate(duplicateOf, field: "duplicateOf")
        } else if duplicateOf != nil {
            throw .invalid("duplicateOf", "is only allowed when the reason is duplicate")
        }
        try Validation.text(note, field: "note")
    }
}

/// Records the case review of a closed complaint (復盤, 003 §6.1).
public struct RecordLessons: CommandPayload {
    /// `RecordLessons`.
    public static let name = CommandName.recordLessons
    /// What was found.
    public var findings: String
    /// Whether the problem is systemic.
    public var systemic: Bool
    /// The improvement cycle it feeds.
    public var improvementId: String?

    /// Creates the command.
    public init(findings: String, systemic: Bool, improvementId: String? = nil) {
        self.findings = findings
        self.systemic = systemic
        self.improvementId = improvementId
    }

    /// Findings are required; the improvement id is an id.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(findings, field: "findings")
        try Identifier.validate(improvementId, field: "improvementId")
    }
}
