public import ComplaintPolicy

/// Records the customer's answer to the communicated result (003 §6.2). Accepted → `resolved`;
/// rejected → `investigating` with `rejectionCount` + 1.
public struct RecordCustomerResponse: CommandPayload {
    /// `RecordCustomerResponse`.
    public static let name = CommandName.recordCustomerResponse
    /// Whether the customer accepts.
    public var accepted: Bool
    /// Why (personal when rejected).
    public var reason: String?

    /// Creates the command.
    public init(accepted: Bool, reason: String? = nil) {
        self.accepted = accepted
        self.reason = reason
    }

    /// A reason, when given, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(reason, field: "reason")
    }
}
