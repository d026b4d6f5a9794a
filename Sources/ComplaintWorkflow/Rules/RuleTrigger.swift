/// What makes the automatic rules run (DOMAIN.md §5).
public enum RuleTrigger: String, Hashable, Sendable, CaseIterable {
    /// ComplaintReceived.
    case receipt
    /// SeverityAssessed.
    case assessment
    /// ComplaintClassified.
    case classification
    /// InvestigationStarted.
    case investigationStart
    /// CustomerRejected.
    case customerRejection
    /// SlaBreached of the acknowledgement clock.
    case acknowledgementBreach
    /// SlaBreached of the resolution clock.
    case resolutionBreach
}
