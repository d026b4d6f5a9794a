public import ComplaintPolicy
public import Foundation

/// An event `decide` or `tick` produced, with the envelope metadata the engine records with it:
/// who, when it happened, and for automatic events the rule and the reason (DOMAIN.md §1).
public struct DecidedEvent: Hashable, Sendable {
    /// The event and its data.
    public var event: WorkflowEvent
    /// Who caused it (``Actor/system`` for automatic events).
    public var actor: Actor
    /// When it happened: the command's time, or the due time a timer stood for.
    public var occurredAt: Date
    /// The rule that produced an automatic event.
    public var rule: RuleKey?
    /// Why the rule fired.
    public var reason: String?
    /// The deterministic command id of a timer event (`timer:<stream>:<clock>:<instance>:<kind>`);
    /// `nil` for events of a command, which carry the command's id.
    public var timerCommandId: String?

    /// Creates a decided event.
    public init(
        _ event: WorkflowEvent, actor: Actor, occurredAt: Date, rule: RuleKey? = nil, reason: String? = nil,
        timerCommandId: String? = nil
    ) {
        self.event = event
        self.actor = actor
        self.occurredAt = occurredAt
        self.rule = rule
        self.reason = reason
        self.timerCommandId = timerCommandId
    }

    /// Whether a rule or timer produced it.
    public var isAutomatic: Bool { rule != nil }
}
