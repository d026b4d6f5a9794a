/// The setting of one automatic rule under `escalation.<ruleKey>` (DOMAIN.md §5).
///
/// For an escalation rule the resulting level is `max(current + increment, toLevel ?? 0)`, capped
/// at 5, and never below the current level: "level ≥ n" is `toLevel: n, increment: 0`; "+1" is
/// `toLevel: nil, increment: 1`; "+1, at least 2" is `toLevel: 2, increment: 1`. Rules that do
/// not escalate (severity and timer rules) have neither and only honour ``enabled``.
public struct EscalationRuleSetting: Hashable, Sendable {
    /// Whether the rule runs.
    public var enabled: Bool
    /// The level the rule raises to at least, 0…5; `nil` for pure step rules and non-escalating rules.
    public var toLevel: Int?
    /// Levels added to the current level (0 or 1 in the presets).
    public var increment: Int

    /// Creates a setting.
    public init(enabled: Bool = true, toLevel: Int? = nil, increment: Int = 0) {
        self.enabled = enabled
        self.toLevel = toLevel
        self.increment = increment
    }

    /// Whether the rule changes the escalation level at all.
    public var escalates: Bool { toLevel != nil || increment > 0 }

    /// The level after the rule fires on a complaint at `current` (never lower, at most 5).
    public func resultingLevel(from current: Int) -> Int {
        guard enabled, escalates else { return current }
        return max(current, min(5, max(current + increment, toLevel ?? 0)))
    }
}

/// The repeat-complaint rule: `count` earlier complaints of one customer in one category within
/// `days` before this one's receipt (DOMAIN.md §5, policy).
public struct RepeatRule: Hashable, Sendable {
    /// Whether repeat detection runs.
    public var enabled: Bool
    /// Earlier complaints needed, ≥ 1.
    public var count: Int
    /// Look-back window in days (24-hour periods), ≥ 1.
    public var days: Int

    /// Creates the rule.
    public init(enabled: Bool = true, count: Int = 2, days: Int = 30) {
        self.enabled = enabled
        self.count = count
        self.days = days
    }
}

/// The setting of one improvement-suggestion rule under `suggestions.<ruleKey>` (DOMAIN.md §7).
public struct SuggestionRuleSetting: Hashable, Sendable {
    /// Whether the rule runs.
    public var enabled: Bool
    /// Complaints needed (`recurringRootCause`), ≥ 1.
    public var count: Int
    /// Window in days (`recurringRootCause`), ≥ 1.
    public var days: Int
    /// Consecutive months below target (`kpiBelowTarget`), ≥ 1.
    public var periods: Int

    /// Creates a setting with the contract's defaults (5 complaints, 30 days, 2 months).
    public init(enabled: Bool = true, count: Int = 5, days: Int = 30, periods: Int = 2) {
        self.enabled = enabled
        self.count = count
        self.days = days
        self.periods = periods
    }
}
