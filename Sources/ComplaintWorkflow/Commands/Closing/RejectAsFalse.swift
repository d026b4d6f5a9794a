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
