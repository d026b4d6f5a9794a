public import ComplaintPolicy

/// One automatic rule of DOMAIN.md §5: its key, what triggers it, what it does, where it comes
/// from, and how it is applied. Each rule records an event only when it changes something, and
/// does nothing when the policy switches it off (`escalation.<key>.enabled`).
public struct AutomaticRule: Sendable {
    /// Whether the rule raises severity or the escalation level.
    public enum Kind: String, Sendable {
        /// A severity rule (runs first).
        case severity
        /// An escalation rule: moves the level as its policy setting says.
        case escalation
    }

    /// The rule key (policy `escalation.<key>`).
    public let key: RuleKey
    /// Severity rules run before escalation rules.
    public let kind: Kind
    /// What makes it run.
    public let triggers: Set<RuleTrigger>
    /// The condition, for the specification.
    public let condition: String
    /// Where it comes from in the sources, or `policy`.
    public let source: String
    let evaluate: @Sendable (inout Decision, RuleTrigger) -> Void

    /// A severity rule that applies itself.
    init(
        severity key: RuleKey, triggers: Set<RuleTrigger>, condition: String, source: String,
        apply: @escaping @Sendable (inout Decision, RuleTrigger) -> Void
    ) {
        self.key = key
        kind = .severity
        self.triggers = triggers
        self.condition = condition
        self.source = source
        evaluate = apply
    }

    /// An escalation rule: when `holds` gives a reason, the level moves as the policy's setting
    /// for `key` says ("level ≥ n", "+1", or both).
    init(
        escalation key: RuleKey, triggers: Set<RuleTrigger>, condition: String, source: String,
        holds: @escaping @Sendable (Decision, RuleTrigger) -> String?
    ) {
        self.key = key
        kind = .escalation
        self.triggers = triggers
        self.condition = condition
        self.source = source
        evaluate = { decision, trigger in
            guard let reason = holds(decision, trigger) else { return }
            let level = decision.policy.setting(key).resultingLevel(from: decision.complaint.escalationLevel)
            decision.escalate(to: level, rule: key, reason: reason)
        }
    }

    /// How a policy setting moves the level: `level ≥ n`, `+k`, or `+k, at least n`.
    public static func effect(of setting: EscalationRuleSetting) -> String {
        guard setting.enabled else { return "off" }
        switch (setting.increment, setting.toLevel) {
        case (0, let level?): return "level ≥ \(level)"
        case (let step, nil) where step > 0: return "+\(step)"
        case (let step, let level?): return "+\(step), at least \(level)"
        default: return "records only"
        }
    }
}
