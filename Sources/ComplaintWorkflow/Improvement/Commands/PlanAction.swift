public import ComplaintPolicy
public import Foundation

/// Plans (or, while the plan is open, re-plans) an action with its owner, due time and
/// acceptance criterion (Plan; 001 §3.4 責任人, 時間節點, 考核標準; types 004 §4.3.2, 001 §5.4).
public struct PlanAction: CommandPayload {
    /// `PlanAction`.
    public static let name = CommandName.planAction
    /// The action's id within the cycle.
    public var actionId: String
    /// Who carries it out (actor id).
    public var owner: String
    /// When it is due.
    public var due: Date
    /// How its completion is judged.
    public var acceptanceCriterion: String
    /// The kind of action.
    public var type: ActionType

    /// Creates the command.
    public init(actionId: String, owner: String, due: Date, acceptanceCriterion: String, type: ActionType) {
        self.actionId = actionId
        self.owner = owner
        self.due = due
        self.acceptanceCriterion = acceptanceCriterion
        self.type = type
    }

    /// Ids are ids; the acceptance criterion is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(actionId, field: "actionId")
        try Identifier.validate(owner, field: "owner")
        try Validation.text(acceptanceCriterion, field: "acceptanceCriterion")
    }
}
