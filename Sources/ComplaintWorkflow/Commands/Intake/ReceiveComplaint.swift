public import ComplaintPolicy

/// Records a new complaint (003 §2.2, §4.3 step 一). Creates the complaint stream.
public struct ReceiveComplaint: CommandPayload {
    /// `ReceiveComplaint`.
    public static let name = CommandName.receiveComplaint
    /// Who complains.
    public var customer: CustomerDetails
    /// The inbound channel the complaint came through.
    public var channel: Channel
    /// What the customer says happened (personal).
    public var description: String
    /// What the customer asks for (personal).
    public var remedySought: String?
    /// The amount at stake.
    public var amountInvolved: Money?
    /// The related order.
    public var orderNumber: String?
    /// The customer's emotion at receipt (003 §3.3).
    public var emotion: Emotion?
    /// References to attached evidence (personal).
    public var attachments: [String]?
    /// What follow-up the customer expects (personal).
    public var followUpExpectation: String?
    /// `internal` (default) or `external`.
    public var source: ComplaintSource?

    /// Creates the command.
    public init(
        customer: CustomerDetails, channel: Channel, description: String, remedySought: String? = nil,
        amountInvolved: Money? = nil, orderNumber: String? = nil, emotion: Emotion? = nil,
        attachments: [String]? = nil, followUpExpectation: String? = nil, source: ComplaintSource? = nil
    ) {
        self.customer = customer
        self.channel = channel
        self.description = description
        self.remedySought = remedySought
        self.amountInvolved = amountInvolved
        self.orderNumber = orderNumber
        self.emotion = emotion
        self.attachments = attachments
        self.followUpExpectation = followUpExpectation
        self.source = source
    }

    /// Checks the customer id, an inbound channel, a description and the amount.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(customer.id, field: "customer.id")
        try Validation.inbound(channel, field: "channel")
        try Validation.text(description, field: "description")
        try Validation.money(amountInvolved, field: "amountInvolved")
    }
}
