import ComplaintPolicy
import Foundation

/// Decides an improvement-cycle command (pure; DOMAIN.md §7): refuses it with a ``WorkflowError``
/// or returns the events to record.
///
/// The refusal order of DOMAIN.md §3 holds: `validationFailed` (shape, values, limits; an id that
/// names the cycle itself) → `streamExists` / `unknownStream` / `wrongStreamKind` → `notPermitted`
/// → `versionConflict` → `alreadyClosed` → `invalidTransition` → the row's preconditions
/// (`planIncomplete`; an unknown action, `validationFailed` field `actionId`; the action's phase,
/// `invalidTransition`; EvaluateEffect's `nextCycleId`). Checks that read the state run last.
///
/// EvaluateEffect applies the verdict rule to `context.measurements`; for `partial` and
/// `ineffective` the decision also opens cycle `nextCycleId` in ``ImprovementDecision/otherStreams``.
///
/// - Parameters:
///   - state: the cycle's state, `nil` when the stream is new or not an improvement stream.
///   - envelope: the command with its actor and ids.
///   - context: the time, the policy, the stream's kind and version, and measured figures.
public func decideImprovement(
    _ state: ImprovementState?, _ envelope: CommandEnvelope, _ context: ImprovementContext
) throws(WorkflowError) -> ImprovementDecision {
    let command = envelope.command
    try envelope.validate()
    try command.validate(policy: context.policy)
    guard let row = ImprovementTable.row(for: command.name) else {
        throw WorkflowError(
            .wrongStreamKind, rule: "streamKind",
            reason: "\(command.name.rawValue) is not an improvement-cycle command; decide it with decide")
    }
    switch command {
    case .openImprovement(let open) where open.previousCycleId == envelope.streamId:
        throw .invalid("previousCycleId", "a cycle cannot continue itself")
    case .evaluateEffect(let evaluate) where evaluate.nextCycleId == envelope.streamId:
        throw .invalid("nextCycleId", "the next cycle must be another stream than '\(envelope.streamId)'")
    default:
        break
    }
    try checkStream(row, state: state, kind: context.streamKind, streamId: envelope.streamId)
    try ImprovementAuthorization.check(row, actor: envelope.actor, command: command, state: state)
    if let expected = envelope.expectedVersion, expected != context.streamVersion {
        throw WorkflowError(
            .versionConflict, rule: "expectedVersion",
            reason: "expected version \(expected), stream '\(envelope.streamId)' is at \(context.streamVersion)")
    }
    if let state {
        guard state.status != .closed else {
            throw WorkflowError(.alreadyClosed, rule: "status", reason: "the improvement cycle is closed; \(command.name.rawValue) is not allowed")
        }
        guard row.from.contains(state.status) else {
            throw WorkflowError(
                .invalidTransition, rule: "status",
                reason: "\(command.name.rawValue) needs status \(row.fromSummary); the cycle is \(state.status.rawValue)")
        }
    }
    var decision = ImprovementDecider(state: state, context: context, envelope: envelope)
    try decision.apply(command)
    return ImprovementDecision(events: decision.events, otherStreams: decision.otherStreams)
}

/// The stream stage: creation needs a new stream; everything else an existing improvement stream.
private func checkStream(_ row: ImprovementTransition, state: ImprovementState?, kind: StreamKind?, streamId: String) throws(WorkflowError) {
    if row.creates {
        guard kind == nil else { throw WorkflowError(.streamExists, rule: "newStream", reason: "stream '\(streamId)' already exists") }
        return
    }
    guard let kind else { throw WorkflowError(.unknownStream, rule: "existingStream", reason: "no improvement cycle '\(streamId)'") }
    guard kind == .improvement else {
        throw WorkflowError(
            .wrongStreamKind, rule: "streamKind",
            reason: "stream '\(streamId)' is a \(kind.rawValue) stream; this command needs an improvement stream")
    }
    guard state != nil else { throw WorkflowError(.unknownStream, rule: "existingStream", reason: "no improvement state for '\(streamId)'") }
}

/// The last refusal stage and the events of each improvement command.
private struct ImprovementDecider {
    let state: ImprovementState?
    let context: ImprovementContext
    let envelope: CommandEnvelope
    var events: [DecidedEvent] = []
    var otherStreams: [String: [DecidedEvent]] = [:]

    init(state: ImprovementState?, context: ImprovementContext, envelope: CommandEnvelope) {
        self.state = state
        self.context = context
        self.envelope = envelope
    }

    /// The cycle's state (commands on existing streams only; checked in the stream stage).
    var cycle: ImprovementState { state! }

    mutating func record(_ event: WorkflowEvent) {
        events.append(DecidedEvent(event, actor: envelope.actor, occurredAt: context.now))
    }

    mutating func apply(_ command: WorkflowCommand) throws(WorkflowError) {
        switch command {
        case .openImprovement(let open):
            record(.improvementOpened(ImprovementOpened(opening: open)))
        case .recordImprovementRootCause(let cause):
            record(.improvementRootCauseRecorded(cause))
        case .setObjective(let objective):
            record(.objectiveSet(objective))
        case .planAction(let action):
            record(.actionPlanned(action))
        case .submitPlan(let submit):
            guard cycle.planIsComplete else {
                var missing: [String] = []
                if cycle.rootCauses.isEmpty { missing.append("a root cause") }
                if cycle.objectives.isEmpty { missing.append("an objective") }
                if cycle.actions.isEmpty { missing.append("an action") }
                throw WorkflowError(.planIncomplete, rule: "planComplete", reason: "the plan lacks \(missing.joined(separator: ", "))")
            }
            record(.planSubmitted(submit))
        case .approvePlan(let approve):
            record(.planApproved(approve))
        case .rejectPlan(let reject):
            record(.planRejected(reject))
        case .startAction(let step):
            let action = try plannedAction(step.actionId)
            guard action.phase == .planned else { throw Self.wrongPhase(action, "StartAction needs a planned action") }
            record(.actionStarted(step))
        case .completeAction(let step):
            let action = try plannedAction(step.actionId)
            guard !action.phase.isFinished else { throw Self.wrongPhase(action, "CompleteAction needs a planned or started action") }
            record(.actionCompleted(step))
        case .dropAction(let step):
            let action = try plannedAction(step.actionId)
            guard !action.phase.isFinished else { throw Self.wrongPhase(action, "DropAction needs a planned or started action") }
            record(.actionDropped(step))
        case .evaluateEffect(let evaluate):
            try evaluateEffect(evaluate)
        case .standardise(let standardise):
            record(.improvementStandardised(standardise))
        case .cancelImprovement(let cancel):
            record(.improvementClosed(cancel))
        default:
            throw WorkflowError(.wrongStreamKind, rule: "streamKind", reason: "\(command.name.rawValue) is not an improvement-cycle command")
        }
    }

    private func plannedAction(_ actionId: String) throws(WorkflowError) -> ImprovementState.Action {
        guard let action = cycle.action(actionId) else {
            throw .invalid("actionId", "no action '\(actionId)' is planned in this cycle")
        }
        return action
    }

    private static func wrongPhase(_ action: ImprovementState.Action, _ need: String) -> WorkflowError {
        WorkflowError(.invalidTransition, rule: "actionPhase", reason: "\(need); action '\(action.actionId)' is \(action.phase.rawValue)")
    }

    /// The verdict rule, the next-cycle preconditions, EffectEvaluated and the next cycle's opening.
    private mutating func evaluateEffect(_ evaluate: EvaluateEffect) throws(WorkflowError) {
        let window = cycle.resultWindow(for: evaluate, now: context.now)
        let judged = cycle.objectives.map { objective in
            let figures = context.measurements[objective.objectiveId]
            return ObjectiveEvaluation(
                objectiveId: objective.objectiveId, kpi: objective.kpi, target: objective.target,
                baselineFigure: figures.baseline, resultFigure: figures.result)
        }
        let verdict = EffectEvaluated.verdict(of: judged)
        guard verdict != .effective else {
            record(.effectEvaluated(EffectEvaluated(window: window, nextCycleId: nil, verdict: verdict, objectives: judged)))
            return
        }
        guard let nextCycleId = evaluate.nextCycleId else {
            throw .invalid("nextCycleId", "the verdict is \(verdict.rawValue): a next cycle id is required")
        }
        guard !context.nextCycleExists else {
            throw WorkflowError(.streamExists, rule: "newStream", reason: "next cycle stream '\(nextCycleId)' already exists")
        }
        record(.effectEvaluated(EffectEvaluated(window: window, nextCycleId: nextCycleId, verdict: verdict, objectives: judged)))
        let opening = OpenImprovement(
            trigger: .kpiBelowTarget, evidence: cycle.evidence, problem: cycle.problem, impactScope: cycle.impactScope,
            owner: cycle.owner, previousCycleId: envelope.streamId)
        let opened = ImprovementOpened(opening: opening, objectives: cycle.objectives.map(\.asCommand))
        otherStreams[nextCycleId] = [DecidedEvent(.improvementOpened(opened), actor: envelope.actor, occurredAt: context.now)]
    }
}
