/// Why a complaint was closed (DOMAIN.md §3).
public enum ClosureReason: String, ClosedValueSet {
    /// Resolved and accepted by the customer.
    case resolved
    /// The customer could not be reached after the policy's number of attempts.
    case unreachable
    /// A duplicate of another complaint.
    case duplicate
    /// Referred elsewhere.
    case referred
    /// Rejected as false (RejectAsFalse).
    case falseComplaint
    /// Withdrawn by the customer or on their behalf.
    case withdrawn

    /// The value-set name used in errors.
    public static let valueSetName = "closedReason"
}
