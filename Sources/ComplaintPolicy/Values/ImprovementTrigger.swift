/// What opened an improvement (PDCA) cycle (DOMAIN.md §7).
public enum ImprovementTrigger: String, ClosedValueSet {
    /// A case review (復盤).
    case caseReview
    /// A KPI below its target.
    case kpiBelowTarget
    /// Repeated SLA breaches.
    case slaBreaches
    /// A recurring problem.
    case recurringProblem
    /// A satisfaction trend.
    case satisfactionTrend
    /// An audit finding.
    case auditFinding
    /// A risk warning.
    case riskWarning
    /// Opened by hand.
    case manual

    /// The value-set name used in errors.
    public static let valueSetName = "trigger"
}
