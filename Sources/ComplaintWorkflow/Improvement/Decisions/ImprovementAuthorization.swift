import ComplaintPolicy

/// The `notPermitted` stage for improvement commands: reads a row's ``ImprovementRoleRule``.
public enum ImprovementAuthorization {
    /// Checks that `actor` may issue `command` on a cycle in `state` (`nil`: a new stream).
    ///
    /// - Throws: ``WorkflowError/Code/notPermitted`` naming the rule that refused.
    public static func check(
        _ row: ImprovementTransition, actor: Actor, command: WorkflowCommand, state: ImprovementState?
    ) throws(WorkflowError) {
        let rule = row.roles
        guard !ImprovementRoleRule.excluded.contains(actor.role) else {
            throw WorkflowError(.notPermitted, rule: "roles", reason: "role \(actor.role.rawValue) may issue no improvement command")
        }
        if rule.cycleOwner, let state, state.owner == actor.id { return }
        if rule.actionOwner, let state, let actionId = actionId(of: command), state.action(actionId)?.owner == actor.id { return }
        guard rule.admitsByRole(actor.role) else {
            throw WorkflowError(
                .notPermitted, rule: "roles",
                reason: "\(row.command.rawValue) is for \(rule.summary); \(actor) may not issue it")
        }
    }

    /// The action an action command names.
    static func actionId(of command: WorkflowCommand) -> String? {
        switch command {
        case .startAction(let step): step.actionId
        case .completeAction(let step): step.actionId
        case .dropAction(let step): step.actionId
        default: nil
        }
    }
}
