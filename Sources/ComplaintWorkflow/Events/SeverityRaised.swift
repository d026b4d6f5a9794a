public import ComplaintPolicy

/// `SeverityRaised`: a severity rule raised the effective severity (DOMAIN.md §5).
public struct SeverityRaised: Hashable, Sendable, Codable {
    /// The effective severity before.
    public var from: Severity
    /// The effective severity after.
    public var to: Severity

    /// Creates the event data.
    public init(from: Severity, to: Severity) {
        self.from = from
        self.to = to
    }
}
