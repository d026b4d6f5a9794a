public import ComplaintPolicy

/// Who may issue a command (DOMAIN.md §2, §3): a minimum handling rank, named roles, the
/// complaint's owner, and one refinement where the table needs it.
public struct RoleRule: Hashable, Sendable {
    /// How a row narrows its roles further.
    public enum Refinement: Hashable, Sendable {
        /// Below this rank, an actor may only assign to themselves.
        case selfAssignmentBelow(Role)
        /// Lowering the previous assessment's severity or urgency needs this rank.
        case loweringNeeds(Role)
        /// The approval rule of DOMAIN.md §3 decides (executive path or supervisor+).
        case approvalRule
    }

    /// The lowest handling rank admitted ("agent+"); `nil`: no handling role.
    public var minimumRank: Role?
    /// Other roles admitted. `customer` means the complaint's own customer only.
    public var roles: [Role]
    /// Whether the complaint's current owner is admitted whatever their rank.
    public var owner: Bool
    /// A narrowing rule.
    public var refinement: Refinement?

    /// Creates a rule.
    public init(minimumRank: Role? = nil, roles: [Role] = [], owner: Bool = false, refinement: Refinement? = nil) {
        self.minimumRank = minimumRank
        self.roles = roles
        self.owner = owner
        self.refinement = refinement
    }

    /// "agent+": the five handling roles.
    public static let agentOrAbove = RoleRule(minimumRank: .agent)
    /// "customer, agent+".
    public static let customerOrAgent = RoleRule(minimumRank: .agent, roles: [.customer])
    /// "owner, specialist+".
    public static let ownerOrSpecialist = RoleRule(minimumRank: .specialist, owner: true)

    /// Whether `role` is admitted by rank or by name (before the owner and customer checks).
    public func admitsByRole(_ role: Role) -> Bool {
        if let minimumRank, role.isAtLeast(minimumRank) { return true }
        return roles.contains(role)
    }

    /// How the rule reads in the specification, e.g. `owner, customer, agent+`.
    public var summary: String {
        var parts: [String] = []
        if owner { parts.append("owner") }
        parts += roles.map(\.rawValue)
        if let minimumRank { parts.append("\(minimumRank.rawValue)+") }
        var text = parts.joined(separator: ", ")
        switch refinement {
        case .selfAssignmentBelow(let role):
            text += "; below \(role.rawValue) only to self"
        case .loweringNeeds(let role):
            text += "; lowering the previous assessment: \(role.rawValue)+"
        case .approvalRule:
            text += "; executive for the special-group or critical path"
        case nil:
            break
        }
        return text
    }
}
