public import ComplaintPolicy

/// Routes the complaint to an owner (003 §2.3, §6.1). The first assignment moves `received` →
/// `assigned`; an agent or specialist may assign only to themselves.
public struct AssignComplaint: CommandPayload {
    /// `AssignComplaint`.
    public static let name = CommandName.assignComplaint
    /// The new owner's actor id.
    public var owner: String
    /// The owner's department.
    public var department: String?
    /// The designated tracker (專人).
    public var tracker: String?

    /// Creates the command.
    public init(owner: String, department: String? = nil, tracker: String? = nil) {
        self.owner = owner
        self.department = department
        self.tracker = tracker
    }

    /// Owner and tracker are ids; the department is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(owner, field: "owner")
        try Identifier.validate(tracker, field: "tracker")
        try Validation.text(department, field: "department")
    }
}

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

/// Raises the escalation level by hand (003 §3.2 向上級匯報). The level never decreases.
public struct EscalateComplaint: CommandPayload {
    /// `EscalateComplaint`.
    public static let name = CommandName.escalateComplaint
    /// The new level, 1–5, above the current one.
    public var toLevel: Int
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(toLevel: Int, reason: String) {
        self.toLevel = toLevel
        self.reason = reason
    }

    /// The level lies in the ladder (0–5); whether it is above the current one is a state check.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.range(toLevel, EscalationLevel.range, field: "toLevel")
        try Validation.text(reason, field: "reason")
    }
}
