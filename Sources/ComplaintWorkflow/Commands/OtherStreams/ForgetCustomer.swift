public import ComplaintPolicy

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
