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

/// Records a satisfaction score (003 §5.3); stops the follow-up clock.
public struct RecordSatisfaction: CommandPayload {
    /// `RecordSatisfaction`.
    public static let name = CommandName.recordSatisfaction
    /// 1–5.
    public var score: Int
    /// How it was collected.
    public var method: SatisfactionMethod
    /// The customer's comment (personal).
    public var comment: String?

    /// Creates the command.
    public init(score: Int, method: SatisfactionMethod, comment: String? = nil) {
        self.score = score
        self.method = method
        self.comment = comment
    }

    /// The score lies in 1–5.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.range(score, 1...5, field: "score")
        try Validation.text(comment, field: "comment")
    }
}

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
