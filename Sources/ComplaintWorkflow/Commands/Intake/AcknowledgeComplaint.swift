public import ComplaintPolicy

/// Tells the customer the complaint was received (003 §5.3, §6.1); stops the acknowledgement clock.
public struct AcknowledgeComplaint: CommandPayload {
    /// `AcknowledgeComplaint`.
    public static let name = CommandName.acknowledgeComplaint
    /// The channel used (inbound or outbound).
    public var channel: Channel
    /// What the customer was told.
    public var message: String?

    /// Creates the command.
    public init(channel: Channel, message: String? = nil) {
        self.channel = channel
        self.message = message
    }

    /// Any channel is allowed; a message, when given, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(message, field: "message")
    }
}
