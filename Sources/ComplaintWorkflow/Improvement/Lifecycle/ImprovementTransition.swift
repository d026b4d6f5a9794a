public import ComplaintPolicy

/// Who may issue an improvement command (DOMAIN.md §7): a minimum handling rank, named roles, the
/// cycle's owner and, for StartAction, CompleteAction and DropAction, the action's owner.
/// `system`, `auditor` and `customer` may issue none, even when named as an owner.
public struct ImprovementRoleRule: Hashable, Sendable {
    /// The lowest handling rank admitted ("supervisor+"); `nil`: no rank.
    public var minimumRank: Role?
    /// Other roles admitted.
    public var roles: [Role]
    /// Whether the cycle's owner is admitted whatever their role.
    public var cycleOwner: Bool
    /// Whether the owner of the action the command names is admitted whatever their role.
    public var actionOwner: Bool

    /// Creates a rule.
    public init(minimumRank: Role? = nil, roles: [Role] = [], cycleOwner: Bool = false, actionOwner: Bool = false) {
        self.minimumRank = minimumRank
        self.roles = roles
        self.cycleOwner = cycleOwner
        self.actionOwner = actionOwner
    }

    /// Roles that may issue no improvement command.
    public static let excluded: Set<Role> = [.system, .auditor, .customer]

    /// Whether `role` is admitted by rank or by name.
    public func admitsByRole(_ role: Role) -> Bool {
        if let minimumRank, role.isAtLeast(minimumRank) { return true }
        return roles.contains(role)
    }

    /// How the rule reads in the specification, e.g. `owner, qualityAnalyst, supervisor+`.
    public var summary: String {
        var parts: [String] = []
        if actionOwner { parts.append("action owner") }
        if cycleOwner { parts.append(actionOwner ? "cycle owner" : "owner") }
        parts += roles.map(\.rawValue)
        if let minimumRank { parts.append("\(minimumRank.rawValue)+") }
        return parts.joined(separator: ", ")
    }
}

/// One row of the improvement table (DOMAIN.md §7): a command, its event, who may issue it, the
/// statuses it runs in and leads to, and its last-stage preconditions.
public struct ImprovementTransition: Hashable, Sendable {
    /// The command.
    public var command: CommandName
    /// The event it records in its own stream.
    public var events: [EventType]
    /// Who may issue it.
    public var roles: ImprovementRoleRule
    /// Whether it creates the stream (`streamExists` when the stream exists).
    public var creates: Bool
    /// The statuses it runs in (empty when it creates the stream).
    public var from: Set<ImprovementStatus>
    /// The statuses it may lead to; empty: the status stays.
    public var to: [ImprovementStatus]
    /// When the status moves, for the specification.
    public var toCondition: String?
    /// Preconditions checked last, in this order.
    public var preconditions: [Transition.Precondition]
    /// Where the row comes from in the sources, or `policy`.
    public var source: String

    /// Creates a row.
    public init(
        _ command: CommandName, events: [EventType], roles: ImprovementRoleRule, creates: Bool = false,
        from: Set<ImprovementStatus>, to: [ImprovementStatus] = [], toCondition: String? = nil,
        preconditions: [Transition.Precondition] = [], source: String
    ) {
        self.command = command
        self.events = events
        self.roles = roles
        self.creates = creates
        self.from = from
        self.to = to
        self.toCondition = toCondition
        self.preconditions = preconditions
        self.source = source
    }

    /// How the `from` statuses read in the specification.
    public var fromSummary: String {
        if creates { return "new stream" }
        if from == ImprovementStatus.openStatuses { return "any open" }
        return from.sorted().map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }
}
