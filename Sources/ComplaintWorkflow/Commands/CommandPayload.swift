public import ComplaintPolicy

/// The data of one command type: its name and its shape checks.
public protocol CommandPayload: Hashable, Sendable, Codable {
    /// The command's name (DOMAIN.md §3).
    static var name: CommandName { get }
    /// Checks shape, values and limits (the first refusal stage); `policy` supplies value sets
    /// such as the categories.
    func validate(policy: ServicePolicy) throws(WorkflowError)
}

extension CommandPayload {
    /// The command's name.
    public var name: CommandName { Self.name }
}
