/// The key of an automatic rule (DOMAIN.md §4–§5), recorded as the `rule` of automatic events
/// and used as the key of `escalation.<ruleKey>` policy settings.
public enum RuleKey: String, ClosedValueSet {
    /// The legal-or-safety factor raises severity to at least `serious` (003 §3.2).
    case legalOrSafety
    /// Repeat complaints of a customer in one category raise severity one step.
    case repeatComplaint
    /// A breached acknowledgement clock escalates to level ≥ 2.
    case acknowledgementBreach
    /// A breached resolution clock escalates by one, to at least 2.
    case resolutionBreach
    /// Critical, or serious and urgent, at assessment escalates to level ≥ 3 (003 §3.2).
    case severeAtAssessment
    /// A complex or hard-to-judge complaint escalates to level ≥ 2 (003 §3.2).
    case hardToJudge
    /// High amount, anger or reputation risk escalates to level ≥ 4 (003 §6.1).
    case highImpact
    /// An investigation by a special group escalates to level ≥ 3 (003 §4.3).
    case specialGroup
    /// The customer's second rejection escalates by one.
    case secondRejection
    /// Closing while the follow-up clock is open breaches it.
    case followUpSkipped
    /// An SLA warning timer.
    case slaWarning
    /// An SLA breach timer.
    case slaBreach

    /// The value-set name used in errors.
    public static let valueSetName = "rule"
}

/// The key of an improvement-suggestion rule (DOMAIN.md §7).
public enum SuggestionRuleKey: String, ClosedValueSet {
    /// At least `count` complaints closed with the same root-cause class and category within `days`.
    case recurringRootCause
    /// A KPI missing its target for `periods` consecutive months.
    case kpiBelowTarget

    /// The value-set name used in errors.
    public static let valueSetName = "suggestionRule"
}
