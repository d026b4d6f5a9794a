public import ComplaintPolicy

/// Rejects the proposed resolution: `awaitingApproval` → `investigating`.
public struct RejectResolution: CommandPayload {
    /// `RejectResolution`.
    public static let name = CommandName.rejectResolution
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(reason: String) { self.reason = reason }

    /// A reason is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(reason, field: "reason")
    }
}
