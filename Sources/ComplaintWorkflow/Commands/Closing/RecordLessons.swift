public import ComplaintPolicy

/// Records the case review of a closed complaint (復盤, 003 §6.1).
public struct RecordLessons: CommandPayload {
    /// `RecordLessons`.
    public static let name = CommandName.recordLessons
    /// What was found.
    public var findings: String
    /// Whether the problem is systemic.
    public var systemic: Bool
    /// The improvement cycle it feeds.
    public var improvementId: String?

    /// Creates the command.
    public init(findings: String, systemic: Bool, improvementId: String? = nil) {
        self.findings = findings
        self.systemic = systemic
        self.improvementId = improvementId
    }

    /// Findings are required; the improvement id is an id.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(findings, field: "findings")
        try Identifier.validate(improvementId, field: "improvementId")
    }
}
