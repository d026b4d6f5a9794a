import ComplaintPolicy
import Foundation

/// A decision in progress: the events so far and the state they lead to, so that rules see the
/// effect of the events before them.
struct Decision {
    /// The state before the decision.
    let before: ComplaintState?
    /// The state after the events recorded so far.
    private(set) var state: ComplaintState?
    /// The events recorded so far.
    private(set) var events: [DecidedEvent] = []
    let context: DecisionContext
    let actor: Actor
    let streamId: String
    /// When the events happen: the command's time, or a timer's due time.
    var now: Date
    /// The deterministic command id of a timer decision.
    var timerCommandId: String?

    init(state: ComplaintState?, context: DecisionContext, actor: Actor, streamId: String, now: Date? = nil) {
        before = state
        self.state = state
        self.context = context
        self.actor = actor
        self.streamId = streamId
        self.now = now ?? context.now
    }

    var policy: ServicePolicy { context.policy }

    /// The complaint's state (decisions on complaint streams only).
    var complaint: ComplaintState { state! }

    /// Records an event of the command.
    mutating func record(_ event: WorkflowEvent) {
        append(DecidedEvent(event, actor: actor, occurredAt: now, timerCommandId: timerCommandId))
    }

    /// Records an automatic event of `rule`.
    mutating func record(_ event: WorkflowEvent, rule: RuleKey, reason: String) {
        append(DecidedEvent(event, actor: .system, occurredAt: now, rule: rule, reason: reason, timerCommandId: timerCommandId))
    }

    private mutating func append(_ decided: DecidedEvent) {
        events.append(decided)
        state = evolve(state, decided, policy: policy, faults: context.faults)
    }

    /// Raises the effective severity to at least `target`; records nothing when it is already there.
    mutating func raiseSeverity(to target: Severity, rule: RuleKey, reason: String) {
        guard let current = complaint.severity, current < target else { return }
        record(.severityRaised(SeverityRaised(from: current, to: target)), rule: rule, reason: reason)
    }

    /// Moves the escalation level to `level`; records nothing unless it rises.
    mutating func escalate(to level: Int, rule: RuleKey, reason: String) {
        let current = complaint.escalationLevel
        guard level > current else { return }
        record(.complaintEscalated(ComplaintEscalated(fromLevel: current, toLevel: level, reason: reason)), rule: rule, reason: reason)
    }

    /// A refusal of the last stage.
    static func refuse(_ code: WorkflowError.Code, _ rule: String, _ reason: String) -> WorkflowError {
        WorkflowError(code, rule: rule, reason: reason)
    }
}
