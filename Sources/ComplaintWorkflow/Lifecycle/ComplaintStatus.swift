/// The status of a complaint (DOMAIN.md §3). Triage facts, ownership and escalation are
/// attributes, not statuses.
public enum ComplaintStatus: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    case received
    case assigned
    case investigating
    case awaitingApproval
    case implementing
    case awaitingCustomer
    case resolved
    case closed

    /// Every status but `closed`.
    public static let open: Set<ComplaintStatus> = Set(allCases.filter { $0 != .closed })

    /// `investigating` and every later open status.
    public static let investigatingOrLater: Set<ComplaintStatus> = Set(allCases.filter { $0 >= .investigating && $0 != .closed })

    /// Whether the complaint is still open.
    public var isOpen: Bool { self != .closed }

    /// Lifecycle order.
    public static func < (lhs: ComplaintStatus, rhs: ComplaintStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
