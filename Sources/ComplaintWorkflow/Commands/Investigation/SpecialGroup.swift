/// A special handling group (專項處理小組, 003 §4.3).
public struct SpecialGroup: Hashable, Sendable, Codable {
    /// Member actor ids.
    public var members: [String]
    /// Departments involved.
    public var departments: [String]
    /// The coordinator (專人負責協調, 003 §4.2).
    public var coordinator: String?

    /// Creates a group.
    public init(members: [String], departments: [String], coordinator: String? = nil) {
        self.members = members
        self.departments = departments
        self.coordinator = coordinator
    }
}
