/// The kind of a stream, fixed by the command that created it (DOMAIN.md §1).
public enum StreamKind: String, Hashable, Sendable, CaseIterable {
    /// A complaint (`C-1`, a UUID, an order-linked key).
    case complaint
    /// An improvement cycle (`PDCA-1`).
    case improvement
    /// Interaction counts (`interactions-2026-03`), the complaint-rate denominator.
    case interactions
    /// `customer:<customerId>`, where erasure is recorded.
    case customer
    /// `policies`, where activated policies are logged.
    case policies
    /// `improvement-suggestions`.
    case improvementSuggestions

    /// The erasure stream id of a customer: `customer:<customerId>`.
    public static func customerStreamId(_ customerId: String) -> String { "customer:\(customerId)" }
}
