public import ComplaintPolicy

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
