/// The name of a work queue (DOMAIN.md §6): `unassigned`, `owner:<id>`, `level:<n>`, `breached`,
/// `awaitingApproval`, `awaitingCustomer`, `followUp`.
public struct QueueName: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name as hosts and fixtures write it.
    public let rawValue: String

    /// Wraps a raw name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Open complaints without an owner.
    public static let unassigned = QueueName(rawValue: "unassigned")
    /// Open complaints with a clock breached and not stopped.
    public static let breached = QueueName(rawValue: "breached")
    /// Resolutions waiting for approval.
    public static let awaitingApproval = QueueName(rawValue: "awaitingApproval")
    /// Results waiting for the customer's answer.
    public static let awaitingCustomer = QueueName(rawValue: "awaitingCustomer")
    /// Resolved complaints whose follow-up is not done.
    public static let followUp = QueueName(rawValue: "followUp")

    /// The open complaints of one owner.
    public static func owner(_ id: String) -> QueueName { QueueName(rawValue: "owner:\(id)") }

    /// The open complaints at one escalation level.
    public static func level(_ level: Int) -> QueueName { QueueName(rawValue: "level:\(level)") }

    /// Byte order of the names.
    public static func < (lhs: QueueName, rhs: QueueName) -> Bool {
        Array(lhs.rawValue.utf8).lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The raw name.
    public var description: String { rawValue }
}
