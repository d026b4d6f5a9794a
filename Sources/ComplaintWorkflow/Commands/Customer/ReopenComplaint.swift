public import ComplaintPolicy

/// Reopens a resolved complaint (003 §4.3, §6.2): → `investigating`, `reopenCount` + 1, owner kept.
public struct ReopenComplaint: CommandPayload {
    /// `ReopenComplaint`.
    public static let name = CommandName.reopenComplaint
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(reason: String) { self.reason = reason }

    /// A reason is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(reason, field: "reason")
    }
}
