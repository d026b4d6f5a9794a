public import ComplaintPolicy

/// Approves the proposed resolution (003 §4.3 經公司高層審批): `awaitingApproval` → `implementing`.
public struct ApproveResolution: CommandPayload {
    /// `ApproveResolution`.
    public static let name = CommandName.approveResolution
    /// The approver's note.
    public var note: String?

    /// Creates the command.
    public init(note: String? = nil) { self.note = note }

    /// A note, when given, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }
}
