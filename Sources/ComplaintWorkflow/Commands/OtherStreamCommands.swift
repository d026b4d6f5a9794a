public import ComplaintPolicy
public import Foundation

/// A half-open time range `[from, to)`.
public struct Period: Hashable, Sendable, Codable {
    /// Inclusive start.
    public var from: Date
    /// Exclusive end.
    public var to: Date

    /// Creates a period.
    public init(from: Date, to: Date) {
        self.from = from
        self.to = to
    }
}

/// Records how many customer interactions a channel had in a period: the complaint-rate
/// denominator (000 §9.1). Goes to an interactions stream.
public struct RecordInteractions: CommandPayload {
    /// `RecordInteractions`.
    public static let name = CommandName.recordInteractions
    /// The channel.
    public var channel: Channel
    /// How many interactions (> 0).
    public var count: Int
    /// When.
    public var period: Period

    /// Creates the command.
    public init(channel: Channel, count: Int, period: Period) {
        self.channel = channel
        self.count = count
        self.period = period
    }

    /// A positive count and a non-empty period.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        guard count > 0 else { throw .invalid("count", "must be greater than 0, got \(count)") }
        guard period.from < period.to else { throw .invalid("period", "from must be before to") }
    }
}

/// Erases a customer's personal data (crypto-shredding, DOMAIN.md §8). Goes to stream
/// `customer:<customerId>`.
public struct ForgetCustomer: CommandPayload {
    /// `ForgetCustomer`.
    public static let name = CommandName.forgetCustomer
    /// The customer to forget.
    public var customerId: String

    /// Creates the command.
    public init(customerId: String) { self.customerId = customerId }

    /// The customer id is an id.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(customerId, field: "customerId")
    }
}
