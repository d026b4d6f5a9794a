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

/// What the store knows about a customer id.
public enum CustomerStanding: String, Hashable, Sendable {
    /// No complaint names this customer.
    case unknown
    /// At least one complaint names this customer.
    case known
    /// The customer was forgotten (crypto-shredded); the id cannot be used again.
    case forgotten
}

/// Everything `decide` may know besides the stream's state: the time, the policy in force and
/// facts the engine looks up in other streams. Nothing here is read from a clock or a disk.
public struct DecisionContext: Sendable {
    /// The command's time (the engine's clock, injected).
    public var now: Date
    /// The policy in force.
    public var policy: ServicePolicy
    /// The kind of the command's stream; `nil` when the stream does not exist.
    public var streamKind: StreamKind?
    /// The stream's version (0 when it does not exist).
    public var streamVersion: Int
    /// The customer's other complaints (for the repeat rule).
    public var earlierComplaints: [EarlierComplaint]
    /// What the store knows about the customer the command names.
    public var customer: CustomerStanding
    /// Whether the complaint a `CloseComplaint(duplicate)` names as `duplicateOf` exists.
    public var duplicateOfExists: Bool

    /// Creates a context.
    public init(
        now: Date, policy: ServicePolicy, streamKind: StreamKind? = nil, streamVersion: Int = 0,
        earlierComplaints: [EarlierComplaint] = [], customer: CustomerStanding = .unknown,
        duplicateOfExists: Bool = false
    ) {
        self.now = now
        self.policy = policy
        self.streamKind = streamKind
        self.streamVersion = streamVersion
        self.earlierComplaints = earlierComplaints
        self.customer = customer
        self.duplicateOfExists = duplicateOfExists
    }

    /// Whether the stream exists.
    public var streamExists: Bool { streamKind != nil }
}
