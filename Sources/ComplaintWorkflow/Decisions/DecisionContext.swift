public import ComplaintPolicy
public import Foundation

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
    /// Deliberate defects, for testing only (``WorkflowFaults``); empty in production.
    public var faults: WorkflowFaults

    /// Creates a context.
    public init(
        now: Date, policy: ServicePolicy, streamKind: StreamKind? = nil, streamVersion: Int = 0,
        earlierComplaints: [EarlierComplaint] = [], customer: CustomerStanding = .unknown,
        duplicateOfExists: Bool = false, faults: WorkflowFaults = []
    ) {
        self.faults = faults
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
