public import ComplaintPolicy
public import Foundation

/// Proposes a resolution (003 §4.3 step 六). Moves `investigating` to `awaitingApproval` when the
/// approval rule applies, else straight to `implementing`.
public struct ProposeResolution: CommandPayload {
    /// `ProposeResolution`.
    public static let name = CommandName.proposeResolution
    /// What the customer gets.
    public var remedies: [Remedy]
    /// The compensation paid, if any.
    public var compensationAmount: Money?
    /// Who is responsible.
    public var responsibility: Responsibility
    /// The action plan.
    public var actionPlan: String
    /// When it is to be done.
    public var dueAt: Date

    /// Creates the command.
    public init(remedies: [Remedy], compensationAmount: Money? = nil, responsibility: Responsibility, actionPlan: String, dueAt: Date) {
        self.remedies = remedies
        self.compensationAmount = compensationAmount
        self.responsibility = responsibility
        self.actionPlan = actionPlan
        self.dueAt = dueAt
    }

    /// At least one remedy, an action plan, a CNY amount.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.nonEmpty(remedies, field: "remedies")
        try Validation.money(compensationAmount, field: "compensationAmount")
        try Validation.text(actionPlan, field: "actionPlan")
    }
}
