import ComplaintPolicy

/// Decides a command (pure; DOMAIN.md §3): refuses it with a ``WorkflowError`` or returns the
/// events to record, the command's own first, then the automatic events it triggered.
///
/// Refusal order (after the engine's idempotency lookup; the first that applies wins):
/// `validationFailed` → `unknownStream` / `streamExists` / `wrongStreamKind` → `notPermitted` →
/// `versionConflict` → `alreadyClosed` → `invalidTransition` (`approvalRequired` for
/// ImplementResolution and CommunicateResult in `awaitingApproval`) → the row's other
/// preconditions. Every check that depends on the stream's state beyond its status runs last.
///
/// The engine fires the stream's due timers (``tick(_:until:streamId:policy:faults:)``) before calling this.
///
/// - Parameters:
///   - state: the complaint's state, `nil` when the stream is new or not a complaint.
///   - envelope: the command with its actor and ids.
///   - context: the time, the policy in force and facts from other streams.
public func decide(
    _ state: ComplaintState?, _ envelope: CommandEnvelope, _ context: DecisionContext
) throws(WorkflowError) -> [DecidedEvent] {
    let command = envelope.command
    try envelope.validate()
    try command.validate(policy: context.policy)
    if case .forgetCustomer(let forget) = command, envelope.streamId != StreamKind.customerStreamId(forget.customerId) {
        throw .invalid("customerId", "ForgetCustomer goes to stream '\(StreamKind.customerStreamId(forget.customerId))', not '\(envelope.streamId)'")
    }
    guard !command.name.isImprovement else {
        throw WorkflowError(
            .wrongStreamKind, rule: "streamKind",
            reason: "\(command.name.rawValue) is an improvement-cycle command; decide it with decideImprovement")
    }
    let row = TransitionTable.row(for: command.name)
    try row.stream.check(existingKind: context.streamKind, streamId: envelope.streamId)
    if row.stream == .complaint, state == nil {
        throw WorkflowError(.unknownStream, rule: "existingStream", reason: "no complaint state for '\(envelope.streamId)'")
    }
    if context.faults.contains(.refusalOrderSwapped) { try checkExpectedVersion(envelope, context) }
    try Authorization.check(row, actor: envelope.actor, command: command, state: state)
    try checkExpectedVersion(envelope, context)
    if let state, let from = row.from { try from.check(state, command: row.command) }
    var decision = Decision(state: state, context: context, actor: envelope.actor, streamId: envelope.streamId)
    try decision.apply(command)
    return decision.events
}

/// The `versionConflict` stage.
private func checkExpectedVersion(_ envelope: CommandEnvelope, _ context: DecisionContext) throws(WorkflowError) {
    if let expected = envelope.expectedVersion, expected != context.streamVersion {
        throw WorkflowError(
            .versionConflict, rule: "expectedVersion",
            reason: "expected version \(expected), stream '\(envelope.streamId)' is at \(context.streamVersion)")
    }
}

extension StatusRule {
    /// The `alreadyClosed` and `invalidTransition` stages.
    func check(_ state: ComplaintState, command: CommandName) throws(WorkflowError) {
        if state.status == .closed {
            switch closed {
            case .any:
                return
            case .resolvedOnly where state.closedReason == .resolved:
                return
            case .resolvedOnly:
                throw WorkflowError(
                    .invalidTransition, rule: "status",
                    reason: "\(command.rawValue) needs \(summary); the complaint closed as \(state.closedReason?.rawValue ?? "?")")
            case .refused:
                throw WorkflowError(.alreadyClosed, rule: "status", reason: "the complaint is closed; \(command.rawValue) is not allowed")
            }
        }
        guard open.contains(state.status) else {
            if approvalRequiredWhileAwaitingApproval, state.status == .awaitingApproval {
                throw WorkflowError(
                    .approvalRequired, rule: "approval",
                    reason: "the proposed resolution awaits approval by \(state.requiredApprover?.rawValue ?? "supervisor+")")
            }
            throw WorkflowError(
                .invalidTransition, rule: "status",
                reason: "\(command.rawValue) needs status \(summary); the complaint is \(state.status.rawValue)")
        }
    }
}
