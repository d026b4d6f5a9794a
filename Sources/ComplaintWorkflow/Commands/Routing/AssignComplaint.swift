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
