public import Foundation

/// The order of every queue (DOMAIN.md §6): effective severity (critical, serious, general;
/// unassessed counts as general), urgency (urgent first; unassessed counts as normal),
/// customerImportance (higher first), the earliest due time of the running clocks (none sorts
/// after any), receivedAt, then id (UTF-8 bytes).
public struct QueueSortKey: Hashable, Sendable, Comparable {
    /// 0 critical, 1 serious, 2 general or unassessed.
    public var severityRank: Int
    /// 0 urgent, 1 normal or unassessed.
    public var urgencyRank: Int
    /// 0–3.
    public var customerImportance: Int
    /// The earliest due time of a running clock.
    public var earliestDueAt: Date?
    /// When the complaint was received.
    public var receivedAt: Date
    /// The complaint id.
    public var id: String

    /// Creates a key.
    public init(severityRank: Int, urgencyRank: Int, customerImportance: Int, earliestDueAt: Date?, receivedAt: Date, id: String) {
        self.severityRank = severityRank
        self.urgencyRank = urgencyRank
        self.customerImportance = customerImportance
        self.earliestDueAt = earliestDueAt
        self.receivedAt = receivedAt
        self.id = id
    }

    /// Queue order.
    public static func < (lhs: QueueSortKey, rhs: QueueSortKey) -> Bool {
        if lhs.severityRank != rhs.severityRank { return lhs.severityRank < rhs.severityRank }
        if lhs.urgencyRank != rhs.urgencyRank { return lhs.urgencyRank < rhs.urgencyRank }
        if lhs.customerImportance != rhs.customerImportance { return lhs.customerImportance > rhs.customerImportance }
        switch (lhs.earliestDueAt, rhs.earliestDueAt) {
        case (let left?, let right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if lhs.receivedAt != rhs.receivedAt { return lhs.receivedAt < rhs.receivedAt }
        return Array(lhs.id.utf8).lexicographicallyPrecedes(rhs.id.utf8)
    }
}
