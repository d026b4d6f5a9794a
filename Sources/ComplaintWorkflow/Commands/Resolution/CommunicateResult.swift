public import ComplaintPolicy

/// Tells the customer the result (003 §6.2): `implementing` → `awaitingCustomer`.
public struct CommunicateResult: CommandPayload {
    /// `CommunicateResult`.
    public static let name = CommandName.communicateResult
    /// The channel used (inbound or outbound).
    public var channel: Channel
    /// Whether the root cause was explained.
    public var rootCauseExplained: Bool
    /// Whether an apology was given.
    public var apologyGiven: Bool
    /// Whether the customer was told of further recourse.
    public var recourseInformed: Bool

    /// Creates the command.
    public init(channel: Channel, rootCauseExplained: Bool, apologyGiven: Bool, recourseInformed: Bool) {
        self.channel = channel
        self.rootCauseExplained = rootCauseExplained
        self.apologyGiven = apologyGiven
        self.recourseInformed = recourseInformed
    }

    /// Nothing beyond the types.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {}
}
