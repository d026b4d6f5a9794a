public import ComplaintPolicy

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
