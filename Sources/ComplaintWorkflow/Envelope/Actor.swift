public import ComplaintPolicy

/// Who issued a command or caused an event: an id and a role (DOMAIN.md §2).
public struct Actor: Hashable, Sendable, CustomStringConvertible {
    /// The actor's id (1–128 bytes of UTF-8).
    public var id: String
    /// The actor's role.
    public var role: Role

    /// Creates an actor.
    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }

    /// The actor of automatic events: `{id: system, role: system}`.
    public static let system = Actor(id: "system", role: .system)

    /// `id/role`, as fixtures write it.
    public var description: String { "\(id)/\(role.rawValue)" }
}
