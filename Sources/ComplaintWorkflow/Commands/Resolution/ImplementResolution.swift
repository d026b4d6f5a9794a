public import ComplaintPolicy

/// Records that the resolution was carried out (status stays `implementing`).
public struct ImplementResolution: CommandPayload {
    /// `ImplementResolution`.
    public static let name = CommandName.implementResolution
    /// What was done.
    public var actionsDone: String

    /// Creates the command.
    public init(actionsDone: String) { self.actionsDone = actionsDone }

    /// A description of what was done is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(actionsDone, field: "actionsDone")
    }
}
