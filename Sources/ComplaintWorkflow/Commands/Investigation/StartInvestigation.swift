public import ComplaintPolicy

/// Starts the investigation (`assigned` → `investigating`), optionally by a special group.
public struct StartInvestigation: CommandPayload {
    /// `StartInvestigation`.
    public static let name = CommandName.startInvestigation
    /// The special group, when one is formed.
    public var specialGroup: SpecialGroup?

    /// Creates the command.
    public init(specialGroup: SpecialGroup? = nil) { self.specialGroup = specialGroup }

    /// A group has at least one member; every member and the coordinator are ids.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        guard let specialGroup else { return }
        try Validation.nonEmpty(specialGroup.members, field: "specialGroup.members")
        try Validation.identifiers(specialGroup.members, field: "specialGroup.members")
        try Identifier.validate(specialGroup.coordinator, field: "specialGroup.coordinator")
    }
}
