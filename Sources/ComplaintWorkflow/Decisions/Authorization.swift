import ComplaintPolicy

/// The `notPermitted` stage of the refusal order: reads a row's ``RoleRule``.
public enum Authorization {
    /// Checks that `actor` may issue `command` on a complaint in `state` (`nil`: a new stream or
    /// another kind of stream).
    ///
    /// - Throws: ``WorkflowError/Code/notPermitted`` naming the rule that refused.
    public static func check(
        _ row: Transition, actor: Actor, command: WorkflowCommand, state: ComplaintState?
    ) throws(WorkflowError) {
        let rule = row.roles
        guard actor.role != .system else {
            throw WorkflowError(.notPermitted, rule: "roles", reason: "role system is reserved for the engine's timers and rules")
        }
        if rule.owner, let owner = state?.owner, owner == actor.id { return }
        guard rule.admitsByRole(actor.role) else {
            throw WorkflowError(
                .notPermitted, rule: "roles",
                reason: "\(row.command.rawValue) is for \(rule.summary); \(actor) may not issue it")
        }
        if actor.role == .customer {
            let customerId = state?.customerId ?? ownCustomerId(in: command)
            guard customerId == actor.id else {
                throw WorkflowError(.notPermitted, rule: "customerOwn", reason: "a customer may act only on their own complaints")
            }
        }
        try refine(rule.refinement, actor: actor, command: command, state: state)
    }

    private static func ownCustomerId(in command: WorkflowCommand) -> String? {
        if case .receiveComplaint(let receive) = command { return receive.customer.id }
        return nil
    }

    private static func refine(
        _ refinement: RoleRule.Refinement?, actor: Actor, command: WorkflowCommand, state: ComplaintState?
    ) throws(WorkflowError) {
        switch (refinement, command) {
        case (.selfAssignmentBelow(let rank), .assignComplaint(let assign)):
            guard actor.role.isAtLeast(rank) || assign.owner == actor.id else {
                throw WorkflowError(
                    .notPermitted, rule: "selfAssignment",
                    reason: "below \(rank.rawValue) an actor may assign only to themselves, not to '\(assign.owner)'")
            }
        case (.loweringNeeds(let rank), .assessSeverity(let assess)):
            guard !actor.role.isAtLeast(rank), let state, lowers(assess, previous: state) else { return }
            throw WorkflowError(
                .notPermitted, rule: "loweringAssessment",
                reason: "lowering the previous assessment's severity or urgency needs \(rank.rawValue)+")
        case (.approvalRule, _):
            let approver = state?.requiredApprover ?? .supervisorOrAbove
            guard approver.admits(actor.role) else {
                throw WorkflowError(
                    .notPermitted, rule: "approval",
                    reason: "this resolution needs approval by \(approver.rawValue) (003 §4.3); \(actor) may not decide it")
            }
        default:
            return
        }
    }

    /// Whether an assessment lowers the previous one's severity or urgency.
    static func lowers(_ assess: AssessSeverity, previous state: ComplaintState) -> Bool {
        if let previous = state.assessedSeverity, assess.severity < previous { return true }
        return state.urgency == .urgent && assess.urgency == .normal
    }
}
