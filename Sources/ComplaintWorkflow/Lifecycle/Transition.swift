/// One row of the transition table: a command, the event(s) it records, who may issue it, where
/// it applies, where it leads, and its state preconditions (DOMAIN.md §3).
public struct Transition: Hashable, Sendable {
    /// A precondition of the last refusal stage: its code and what it checks.
    public struct Precondition: Hashable, Sendable {
        /// The refusal code.
        public var code: WorkflowError.Code
        /// What is checked.
        public var check: String

        /// Creates a precondition.
        public init(_ code: WorkflowError.Code, _ check: String) {
            self.code = code
            self.check = check
        }
    }

    /// The command.
    public var command: CommandName
    /// The events the command records (one of them), before automatic events.
    public var events: [EventType]
    /// Who may issue it.
    public var roles: RoleRule
    /// Which stream it needs.
    public var stream: StreamRequirement
    /// The statuses it runs in (complaint streams only; `nil` for other streams and creation).
    public var from: StatusRule?
    /// The statuses it may lead to; empty: the status stays.
    public var to: [ComplaintStatus]
    /// When the status moves, for the specification (e.g. only from `received`).
    public var toCondition: String?
    /// Preconditions checked last, in this order.
    public var preconditions: [Precondition]
    /// Where the row comes from in the sources, or `policy`.
    public var source: String

    /// Creates a row.
    public init(
        _ command: CommandName, events: [EventType], roles: RoleRule, stream: StreamRequirement = .complaint,
        from: StatusRule? = .anyOpen, to: [ComplaintStatus] = [], toCondition: String? = nil, preconditions: [Precondition] = [],
        source: String
    ) {
        self.toCondition = toCondition
        self.command = command
        self.events = events
        self.roles = roles
        self.stream = stream
        self.from = from
        self.to = to
        self.preconditions = preconditions
        self.source = source
    }
}
