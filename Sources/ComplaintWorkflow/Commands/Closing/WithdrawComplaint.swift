public import ComplaintPolicy

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
