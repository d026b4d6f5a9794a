/// A versioned set of service rules: SLA clock targets, escalation settings, limits, categories,
/// the business calendar, suggestion rules and KPI targets (DOMAIN.md §4–§7; `Specs/policy.md`).
///
/// A policy is a plain value: equal policies have equal ``canonicalBytes()``, which the engine
/// hashes and logs. Build one from a preset (``standard``, ``category2025``), from a document
/// (``load(yaml:)``, ``load(json:)``, ``load(document:)``), or by ``applying(overrides:)-(PolicyValue)``.
public struct ServicePolicy: Hashable, Sendable {
    /// The policy's name (the preset it came from, unless a document says otherwise).
    public var name: String
    /// The version label recorded with every event decided under this policy.
    public var version: String
    /// Clock policies used when no problem-class policy applies.
    public var clocks: [ClockName: ClockPolicy]
    /// Clock policies per problem class (preset `category2025`); empty when targets do not depend on it.
    public var clocksByProblemClass: [ProblemClass: [ClockName: ClockPolicy]]
    /// Settings of the automatic rules, one per ``RuleKey``.
    public var escalation: [RuleKey: EscalationRuleSetting]
    /// Compensation above this amount (minor units) needs approval (`approval.compensationLimit`).
    public var approvalCompensationLimit: Int
    /// An amount involved at or above this (minor units) triggers `highImpact`.
    public var highAmount: Int
    /// Days after the latest acceptance within which a complaint may be reopened.
    public var reopenWindowDays: Int
    /// Failed contact attempts needed to close as `unreachable`.
    public var unreachableAttempts: Int
    /// The repeat-complaint rule (`repeat`).
    public var repeatRule: RepeatRule
    /// Satisfaction scores at or above this (1–5) count as satisfied.
    public var satisfactionThreshold: Int
    /// Default warning fraction; setting it with an override sets every clock's `warnAt`.
    public var warnAt: Double
    /// Allowed categories: the seven defaults first, then the policy's additions.
    public var categories: [Category]
    /// The business calendar of business clocks and KPI periods.
    public var calendar: BusinessCalendar
    /// Settings of the improvement-suggestion rules.
    public var suggestions: [SuggestionRuleKey: SuggestionRuleSetting]
    /// KPI targets used by `kpiBelowTarget` and shown beside figures.
    public var kpiTargets: [KPI: Double]

    /// The problem class whose clocks apply before a complaint is classified.
    public static let unclassifiedProblemClass = ProblemClass.complex

    /// The policy of clock `name` for a complaint of `problemClass` (`nil`: not yet classified,
    /// which uses the `complex` targets when the policy has per-class clocks).
    public func clockPolicy(_ name: ClockName, problemClass: ProblemClass?) -> ClockPolicy? {
        let effectiveClass = problemClass ?? Self.unclassifiedProblemClass
        return clocksByProblemClass[effectiveClass]?[name] ?? clocks[name]
    }

    /// The setting of `rule`; a missing entry counts as disabled.
    public func setting(_ rule: RuleKey) -> EscalationRuleSetting {
        escalation[rule] ?? EscalationRuleSetting(enabled: false)
    }

    /// Whether `rule` runs. `repeatComplaint` needs both its escalation entry and `repeat.enabled`.
    public func isEnabled(_ rule: RuleKey) -> Bool {
        setting(rule).enabled && (rule != .repeatComplaint || repeatRule.enabled)
    }

    /// The setting of suggestion rule `rule`; a missing entry counts as disabled.
    public func setting(_ rule: SuggestionRuleKey) -> SuggestionRuleSetting {
        suggestions[rule] ?? SuggestionRuleSetting(enabled: false)
    }

    /// Whether `category` is one of the policy's categories.
    public func allows(_ category: Category) -> Bool { categories.contains(category) }
}
