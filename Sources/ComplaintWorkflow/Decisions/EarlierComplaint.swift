public import ComplaintPolicy
public import Foundation

/// An earlier complaint of the same customer, as the repeat rule needs it (DOMAIN.md §5).
public struct EarlierComplaint: Hashable, Sendable {
    /// Its stream id.
    public var id: String
    /// Its latest category, if classified.
    public var category: Category?
    /// When it was received.
    public var receivedAt: Date
    /// Why it closed, if it did.
    public var closedReason: ClosureReason?

    /// Creates the record.
    public init(id: String, category: Category?, receivedAt: Date, closedReason: ClosureReason? = nil) {
        self.id = id
        self.category = category
        self.receivedAt = receivedAt
        self.closedReason = closedReason
    }
}
