/// The statuses a command may run in (DOMAIN.md §3). Checked in the `alreadyClosed` and
/// `invalidTransition` stages of the refusal order.
public struct StatusRule: Hashable, Sendable {
    /// Whether and how a closed complaint admits the command.
    public enum ClosedComplaints: String, Hashable, Sendable {
        /// Refused with `alreadyClosed`.
        case refused
        /// Admitted when closed with reason `resolved`; otherwise `invalidTransition`.
        case resolvedOnly
        /// Admitted whatever the closing reason.
        case any
    }

    /// The open statuses that admit the command.
    public var open: Set<ComplaintStatus>
    /// How closed complaints are treated.
    public var closed: ClosedComplaints
    /// Whether `awaitingApproval` gives `approvalRequired` instead of `invalidTransition`.
    public var approvalRequiredWhileAwaitingApproval: Bool

    /// Creates a rule.
    public init(open: Set<ComplaintStatus>, closed: ClosedComplaints = .refused, approvalRequiredWhileAwaitingApproval: Bool = false) {
        self.open = open
        self.closed = closed
        self.approvalRequiredWhileAwaitingApproval = approvalRequiredWhileAwaitingApproval
    }

    /// Any open status.
    public static let anyOpen = StatusRule(open: ComplaintStatus.open)

    /// Exactly one status.
    public static func only(_ status: ComplaintStatus) -> StatusRule { StatusRule(open: [status]) }

    /// How the rule reads in the specification.
    public var summary: String {
        var parts: [String] = []
        if open == ComplaintStatus.open {
            parts.append("any open")
        } else if !open.isEmpty {
            parts.append(open.sorted().map { "`\($0.rawValue)`" }.joined(separator: ", "))
        }
        switch closed {
        case .refused: break
        case .resolvedOnly: parts.append("`closed(resolved)`")
        case .any: parts.append("`closed`")
        }
        if approvalRequiredWhileAwaitingApproval { parts.append("(in `awaitingApproval`: `approvalRequired`)") }
        return parts.joined(separator: ", ")
    }
}
