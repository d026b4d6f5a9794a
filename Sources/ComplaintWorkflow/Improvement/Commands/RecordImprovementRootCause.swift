public import ComplaintPolicy

/// Records a root cause of the cycle's problem (Plan; 001 §5.4 RCA, 004 §4.3.1).
public struct RecordImprovementRootCause: CommandPayload {
    /// `RecordImprovementRootCause`.
    public static let name = CommandName.recordImprovementRootCause
    /// The class of cause.
    public var causeClass: CauseClass
    /// The analysis method.
    public var method: AnalysisMethod
    /// What was found.
    public var description: String

    /// Creates the command.
    public init(causeClass: CauseClass, method: AnalysisMethod, description: String) {
        self.causeClass = causeClass
        self.method = method
        self.description = description
    }

    /// A description is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(description, field: "description")
    }
}
