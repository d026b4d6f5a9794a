/// The status of a complaint (DOMAIN.md §3). Triage facts, ownership and escalation are
/// attributes, not statuses.
public enum ComplaintStatus: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    /// Recorded, not yet assigned (003 §4.3 step 一).
    case received
    /// Routed to an owner (003 §2.3).
    case assigned
    /// Being investigated, possibly by a special group (003 §4.3).
    case investigating
    /// A proposed resolution waits for approval (003 §4.3).
    case awaitingApproval
    /// The resolution is being carried out.
    case implementing
    /// The result was communicated; the customer's answer is awaited (003 §6.2).
    case awaitingCustomer
    /// The customer accepted; follow-up may be pending.
    case resolved
    /// Archived (歸檔) with a closing reason.
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
