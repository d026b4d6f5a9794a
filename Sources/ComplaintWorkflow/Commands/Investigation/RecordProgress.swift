public import ComplaintPolicy
public import Foundation

/// Records progress, and any contact with the customer (003 §6.1). A failed contact attempt is
/// `customerNotified: true, customerReached: false`.
public struct RecordProgress: CommandPayload {
    /// `RecordProgress`.
    public static let name = CommandName.recordProgress
    /// What happened.
    public var note: String
    /// Whether the customer was (tried to be) told.
    public var customerNotified: Bool
    /// Whether the customer was reached; `false` marks a failed contact attempt.
    public var customerReached: Bool?
    /// The channel used.
    public var channel: Channel?
    /// The estimated resolution time given (003 §2.3).
    public var estimatedResolutionAt: Date?

    /// Creates the command.
    public init(note: String, customerNotified: Bool, customerReached: Bool? = nil, channel: Channel? = nil, estimatedResolutionAt: Date? = nil) {
        self.note = note
        self.customerNotified = customerNotified
        self.customerReached = customerReached
        self.channel = channel
        self.estimatedResolutionAt = estimatedResolutionAt
    }

    /// A note is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }

    /// Whether this records a failed attempt to contact the customer.
    public var isFailedContactAttempt: Bool { customerNotified && customerReached == false }
}
