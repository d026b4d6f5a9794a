public import ComplaintPolicy

/// Hands the complaint to another department and owner (000 §9.1 轉接).
public struct TransferComplaint: CommandPayload {
    /// `TransferComplaint`.
    public static let name = CommandName.transferComplaint
    /// The receiving department.
    public var toDepartment: String
    /// The receiving owner's actor id.
    public var toOwner: String
    /// Why it is transferred.
    public var reason: String

    /// Creates the command.
    public init(toDepartment: String, toOwner: String, reason: String) {
        self.toDepartment = toDepartment
        self.toOwner = toOwner
        self.reason = reason
    }

    /// All three fields are required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(toDepartment, field: "toDepartment")
        try Identifier.validate(toOwner, field: "toOwner")
        try Validation.text(reason, field: "reason")
    }
}
