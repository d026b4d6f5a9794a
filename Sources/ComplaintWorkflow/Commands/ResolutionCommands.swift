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

/// Approves the proposed resolution (003 §4.3 經公司高層審批): `awaitingApproval` → `implementing`.
public struct ApproveResolution: CommandPayload {
    /// `ApproveResolution`.
    public static let name = CommandName.approveResolution
    /// The approver's note.
    public var note: String?

    /// Creates the command.
    public init(note: String? = nil) { self.note = note }

    /// A note, when given, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }
}

/// Rejects the proposed resolution: `awaitingApproval` → `investigating`.
public struct RejectResolution: CommandPayload {
    /// `RejectResolution`.
    public static let name = CommandName.rejectResolution
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(reason: String) { self.reason = reason }

    /// A reason is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(reason, field: "reason")
    }
}

/// Records that the resolution was carried out (status stays `implementing`).
public struct ImplementResolution: CommandPayload {
    /// `ImplementResolution`.
    public static let name = CommandName.implementResolution
    /// What was done.
    public var actionsDone: String

    /// Creates the command.
    public init(actionsDone: String) { self.actionsDone = actionsDone }

    /// A description of what was done is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(actionsDone, field: "actionsDone")
    }
}

/// Tells the customer the result (003 §6.2): `implementing` → `awaitingCustomer`.
public struct CommunicateResult: CommandPayload {
    /// `CommunicateResult`.
    public static let name = CommandName.communicateResult
    /// The channel used (inbound or outbound).
    public var channel: Channel
    /// Whether the root cause was explained.
    public var rootCauseExplained: Bool
    /// Whether an apology was given.
    public var apologyGiven: Bool
    /// Whether the customer was told of further recourse.
    public var recourseInformed: Bool

    /// Creates the command.
    public init(channel: Channel, rootCauseExplained: Bool, apologyGiven: Bool, recourseInformed: Bool) {
        self.channel = channel
        self.rootCauseExplained = rootCauseExplained
        self.apologyGiven = apologyGiven
        self.recourseInformed = recourseInformed
    }

    /// Nothing beyond the types.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {}
}
