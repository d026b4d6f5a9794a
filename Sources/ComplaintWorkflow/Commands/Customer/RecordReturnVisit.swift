public import ComplaintPolicy

/// Records a return visit (003 §6.1 定期回訪); stops the follow-up clock.
public struct RecordReturnVisit: CommandPayload {
    /// `RecordReturnVisit`.
    public static let name = CommandName.recordReturnVisit
    /// What came of it.
    public var outcome: String
    /// Whether the customer was satisfied.
    public var satisfied: Bool

    /// Creates the command.
    public init(outcome: String, satisfied: Bool) {
        self.outcome = outcome
        self.satisfied = satisfied
    }

    /// An outcome is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(outcome, field: "outcome")
    }
}
