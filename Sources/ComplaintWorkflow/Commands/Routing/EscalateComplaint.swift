public import ComplaintPolicy

/// Raises the escalation level by hand (003 §3.2 向上級匯報). The level never decreases.
public struct EscalateComplaint: CommandPayload {
    /// `EscalateComplaint`.
    public static let name = CommandName.escalateComplaint
    /// The new level, 1–5, above the current one.
    public var toLevel: Int
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(toLevel: Int, reason: String) {
        self.toLevel = toLevel
        self.reason = reason
    }

    /// The level lies in the ladder (0–5); whether it is above the current one is a state check.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.range(toLevel, EscalationLevel.range, field: "toLevel")
        try Validation.text(reason, field: "reason")
    }
}
