extension ServicePolicy {
    /// The names accepted by ``preset(named:)``.
    public static let presetNames = ["standard", "category2025"]

    /// The default policy (DOMAIN.md §4; values and sources in `Specs/policy.md`).
    public static let standard = ServicePolicy(
        name: "standard",
        version: "standard-1",
        clocks: [
            .acknowledgement: ClockPolicy(target: 2 * hour, calendar: .elapsed),
            .resolution: ClockPolicy(target: 18 * hour, calendar: .business),
            .followUp: ClockPolicy(target: 24 * hour, calendar: .elapsed),
        ],
        clocksByProblemClass: [:],
        escalation: defaultEscalation,
        approvalCompensationLimit: 100_000,
        highAmount: 1_000_000,
        reopenWindowDays: 30,
        unreachableAttempts: 3,
        repeatRule: RepeatRule(enabled: true, count: 2, days: 30),
        satisfactionThreshold: 4,
        warnAt: 0.8,
        categories: Category.defaults,
        calendar: .standard,
        suggestions: [
            .recurringRootCause: SuggestionRuleSetting(),
            .kpiBelowTarget: SuggestionRuleSetting(),
        ],
        kpiTargets: [.satisfactionRate: 0.9, .resolutionRate: 0.95]
    )

    /// Elapsed clocks by problem class (004 §4.2.1): acknowledgement/resolution basic 24 h/48 h,
    /// process 48 h/72 h, complex 72 h/120 h, special 24 h/48 h; unclassified complaints use
    /// `complex`. Everything else as ``standard``.
    public static let category2025: ServicePolicy = {
        var policy = standard
        policy.name = "category2025"
        policy.version = "category2025-1"
        func pair(_ acknowledgement: Int64, _ resolution: Int64) -> [ClockName: ClockPolicy] {
            [
                .acknowledgement: ClockPolicy(target: acknowledgement * hour, calendar: .elapsed),
                .resolution: ClockPolicy(target: resolution * hour, calendar: .elapsed),
            ]
        }
        policy.clocksByProblemClass = [
            .basic: pair(24, 48), .process: pair(48, 72), .complex: pair(72, 120), .special: pair(24, 48),
        ]
        policy.clocks.merge(pair(72, 120)) { _, complex in complex }
        return policy
    }()

    /// The preset called `name` (`standard` or `category2025`).
    ///
    /// - Throws: ``PolicyValidationError`` with field `preset` for an unknown name.
    public static func preset(named name: String) throws(PolicyValidationError) -> ServicePolicy {
        switch name {
        case "standard": return standard
        case "category2025": return category2025
        default:
            throw PolicyValidationError(
                field: "preset", reason: "unknown preset '\(name)'; expected one of \(presetNames.joined(separator: ", "))")
        }
    }

    private static let hour: Int64 = 3600

    private static let defaultEscalation: [RuleKey: EscalationRuleSetting] = [
        .legalOrSafety: EscalationRuleSetting(),
        .repeatComplaint: EscalationRuleSetting(),
        .acknowledgementBreach: EscalationRuleSetting(toLevel: 2),
        .resolutionBreach: EscalationRuleSetting(toLevel: 2, increment: 1),
        .severeAtAssessment: EscalationRuleSetting(toLevel: 3),
        .hardToJudge: EscalationRuleSetting(toLevel: 2),
        .highImpact: EscalationRuleSetting(toLevel: 4),
        .specialGroup: EscalationRuleSetting(toLevel: 3),
        .secondRejection: EscalationRuleSetting(increment: 1),
        .followUpSkipped: EscalationRuleSetting(),
        .slaWarning: EscalationRuleSetting(),
        .slaBreach: EscalationRuleSetting(),
    ]
}
