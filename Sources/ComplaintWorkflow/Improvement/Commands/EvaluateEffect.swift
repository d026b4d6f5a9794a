public import ComplaintPolicy

/// Evaluates the effect of the cycle (Check; 001 §5.4, §7.4; 004 §4.3.1). The figures are not
/// typed in: the engine measures each objective's KPI over its baseline window and over the result
/// window and passes them in ``ImprovementContext/measurements``.
public struct EvaluateEffect: CommandPayload {
    /// `EvaluateEffect`.
    public static let name = CommandName.evaluateEffect
    /// The result window; default: from the end of the Do phase to the command's time.
    public var window: Period?
    /// The id of the next cycle, opened when the verdict is `partial` or `ineffective` (required
    /// then: `validationFailed`, field `nextCycleId`, in the last refusal stage).
    public var nextCycleId: String?

    /// Creates the command.
    public init(window: Period? = nil, nextCycleId: String? = nil) {
        self.window = window
        self.nextCycleId = nextCycleId
    }

    /// A window, when given, is not empty; the next cycle id is an id.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        if let window, !(window.from < window.to) { throw .invalid("window", "from must be before to") }
        try Identifier.validate(nextCycleId, field: "nextCycleId")
    }
}

/// Standardises the improvement (Act; 000 §4.2, 001 §7.4, 004 §2.3).
public struct Standardise: CommandPayload {
    /// `Standardise`.
    public static let name = CommandName.standardise
    /// The standard (SOP) written or changed.
    public var standardReference: String
    /// Whether staff were trained on it.
    public var trainingDone: Bool

    /// Creates the command.
    public init(standardReference: String, trainingDone: Bool) {
        self.standardReference = standardReference
        self.trainingDone = trainingDone
    }

    /// A reference is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(standardReference, field: "standardReference")
    }
}

/// Cancels an open cycle (outcome `cancelled`).
public struct CancelImprovement: CommandPayload {
    /// `CancelImprovement`.
    public static let name = CommandName.cancelImprovement
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(reason: String) { self.reason = reason }

    /// A reason is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(reason, field: "reason")
    }
}
