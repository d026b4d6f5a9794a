public import ComplaintPolicy
public import Foundation

/// The state of one complaint, folded from its events by ``evolve(_:_:policy:faults:)``.
///
/// The first block of properties carries the state field names of DOMAIN.md §3 that fixtures and
/// `show` use; the rest is what decisions need.
public struct ComplaintState: Hashable, Sendable, Codable {
    // MARK: State fields of DOMAIN.md §3

    /// The lifecycle status.
    public var status: ComplaintStatus
    /// The escalation level, 0–5; never decreases.
    public var escalationLevel: Int
    /// The effective severity, after automatic raises; `nil` until assessed.
    public var severity: Severity?
    /// The severity of the latest assessment.
    public var assessedSeverity: Severity?
    /// The urgency of the latest assessment.
    public var urgency: Urgency?
    /// 0–3, from the latest assessment (default 0).
    public var customerImportance: Int
    /// The latest category.
    public var category: Category?
    /// The latest problem class (`complex` once classified without one).
    public var problemClass: ProblemClass?
    /// `internal` or `external`; the latest wins.
    public var source: ComplaintSource
    /// The channel at receipt.
    public var channel: Channel
    /// The complaining customer's opaque id.
    public var customerId: String
    /// The current owner's actor id.
    public var owner: String?
    /// The current owner's department.
    public var department: String?
    /// Whether the complaint was acknowledged.
    public var acknowledged: Bool
    /// The latest authenticity outcome.
    public var authenticity: AuthenticityOutcome?
    /// How often it was reopened.
    public var reopenCount: Int
    /// How often the customer rejected the communicated result.
    public var rejectionCount: Int
    /// Earlier complaints of the customer this one repeats (empty when none).
    public var repeatOf: [String]
    /// When it was received.
    public var receivedAt: Date
    /// Why it closed, once closed.
    public var closedReason: ClosureReason?
    /// The current instance of each clock started so far.
    public var clocks: [ClockName: SLAClock]

    // MARK: What decisions need

    /// The designated tracker (專人).
    public var tracker: String?
    /// The factors of the latest assessment.
    public var factors: SeverityFactors?
    /// The amount at stake, from receipt.
    public var amountInvolved: Money?
    /// The emotion at receipt.
    public var emotion: Emotion?
    /// The special group, once an investigation started with one.
    public var specialGroup: SpecialGroup?
    /// Who must approve the pending proposal (`nil`: none needed).
    public var requiredApprover: ResolutionApprover?
    /// Whether the current resolution was implemented.
    public var implemented: Bool
    /// Failed contact attempts since the latest ResultCommunicated (since receipt when none).
    public var failedContactAttempts: Int
    /// When the customer last accepted a result.
    public var latestAcceptanceAt: Date?
    /// Whether it was ever transferred to another department.
    public var transferredToOtherDepartment: Bool

    /// The state right after `ComplaintReceived`.
    public init(received: ReceiveComplaint, at receivedAt: Date) {
        status = .received
        escalationLevel = 0
        customerImportance = 0
        source = received.source ?? .internal
        channel = received.channel
        customerId = received.customer.id
        acknowledged = false
        reopenCount = 0
        rejectionCount = 0
        repeatOf = []
        self.receivedAt = receivedAt
        clocks = [:]
        amountInvolved = received.amountInvolved
        emotion = received.emotion
        implemented = false
        failedContactAttempts = 0
        transferredToOtherDepartment = false
    }

    /// Whether the complaint is still open.
    public var isOpen: Bool { status.isOpen }

    /// Whether both a category and an assessment are recorded.
    public var isClassifiedAndAssessed: Bool { category != nil && assessedSeverity != nil }
}
