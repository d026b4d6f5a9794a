public import ComplaintPolicy

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
