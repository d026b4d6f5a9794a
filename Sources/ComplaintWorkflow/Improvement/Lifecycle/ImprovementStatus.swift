/// The status of an improvement (PDCA) cycle (DOMAIN.md §7; QK §2.4).
public enum ImprovementStatus: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    /// Plan: root causes, objectives and actions are being recorded.
    case open
    /// The plan waits for approval (000 §11.1 提交方案至相關部門審批).
    case awaitingApproval
    /// Do: the actions are carried out.
    case doing
    /// Check: every action is completed or dropped; the effect is to be evaluated.
    case checking
    /// Act: the improvement is to be standardised.
    case standardising
    /// Closed with an outcome.
    case closed

    /// Every status but `closed`.
    public static let openStatuses: Set<ImprovementStatus> = Set(allCases.filter { $0 != .closed })

    /// Lifecycle order.
    public static func < (lhs: ImprovementStatus, rhs: ImprovementStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a cycle closed (DOMAIN.md §7).
public enum ImprovementOutcome: String, Hashable, Sendable, CaseIterable, Codable {
    /// Standardised after an `effective` evaluation.
    case standardised
    /// Evaluated `partial` or `ineffective`: a next cycle was opened.
    case nextCycle
    /// Cancelled.
    case cancelled
}

/// The phase of an improvement action (QK §2.3.3, proposal).
public enum ActionPhase: String, Hashable, Sendable, CaseIterable, Codable {
    /// Planned, not yet started.
    case planned
    /// Started.
    case started
    /// Completed.
    case completed
    /// Dropped.
    case dropped

    /// Whether the action is finished (completed or dropped).
    public var isFinished: Bool { self == .completed || self == .dropped }
}
