public import ComplaintPolicy

/// Records the root cause (003 §4.2).
public struct RecordRootCause: CommandPayload {
    /// `RecordRootCause`.
    public static let name = CommandName.recordRootCause
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
