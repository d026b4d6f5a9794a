public import ComplaintPolicy
public import Foundation

/// `ImprovementSuggested` (stream `improvement-suggestions`, actor `system`): a rule found a
/// reason to open an improvement cycle (DOMAIN.md §7).
public struct ImprovementSuggested: Hashable, Sendable, Codable {
    /// The suggestion's id (the deterministic command id without its `suggestion:` prefix);
    /// OpenImprovement names it as `suggestionId`.
    public var suggestionId: String
    /// The rule that suggested it.
    public var rule: SuggestionRuleKey
    /// `recurringRootCause`: the complaint ids; `kpiBelowTarget`: the months (`YYYY-MM`).
    public var evidence: [String]
    /// The figures behind it.
    public var figures: SuggestionFigures

    /// Creates the event data.
    public init(suggestionId: String, rule: SuggestionRuleKey, evidence: [String], figures: SuggestionFigures) {
        self.suggestionId = suggestionId
        self.rule = rule
        self.evidence = evidence
        self.figures = figures
    }

    /// The trigger an improvement opened from this suggestion takes.
    public var trigger: ImprovementTrigger {
        switch rule {
        case .recurringRootCause: .recurringProblem
        case .kpiBelowTarget: .kpiBelowTarget
        }
    }
}

/// The figures of a suggestion; the fields of its rule are present, the others absent.
public struct SuggestionFigures: Hashable, Sendable, Codable {
    /// `recurringRootCause`: the shared root-cause class.
    public var causeClass: CauseClass?
    /// `recurringRootCause`: the shared category.
    public var category: Category?
    /// `recurringRootCause`: how many complaints (the evidence's size).
    public var count: Int?
    /// `recurringRootCause`: the policy's window in days.
    public var days: Int?
    /// `recurringRootCause`: the earliest closing time of the evidence.
    public var firstClosedAt: Date?
    /// `recurringRootCause`: the latest closing time of the evidence.
    public var lastClosedAt: Date?
    /// `kpiBelowTarget`: the KPI.
    public var kpi: KPI?
    /// `kpiBelowTarget`: its target (`kpiTargets`).
    public var target: Double?
    /// `kpiBelowTarget`: the monthly figures, one per evidence month, in order.
    public var values: [Double]?

    /// Creates figures.
    public init(
        causeClass: CauseClass? = nil, category: Category? = nil, count: Int? = nil, days: Int? = nil,
        firstClosedAt: Date? = nil, lastClosedAt: Date? = nil, kpi: KPI? = nil, target: Double? = nil, values: [Double]? = nil
    ) {
        self.causeClass = causeClass
        self.category = category
        self.count = count
        self.days = days
        self.firstClosedAt = firstClosedAt
        self.lastClosedAt = lastClosedAt
        self.kpi = kpi
        self.target = target
        self.values = values
    }
}
