/// The role an actor acts in (DOMAIN.md §2; complaint-process.md §8).
///
/// The five handling roles are ranked `agent < specialist < supervisor < manager < executive`;
/// "agent+" means exactly those five.
public enum Role: String, ClosedValueSet {
    /// The complaining customer; acts only on their own complaints.
    case customer
    /// Front-line service staff (服務人員); rank 1.
    case agent
    /// Designated tracker or handler (專人); rank 2.
    case specialist
    /// Superior (上級); rank 3.
    case supervisor
    /// Senior manager (高級管理人員); rank 4.
    case manager
    /// Senior management (公司高層); rank 5.
    case executive
    /// Member of the evaluation team (評估團隊).
    case qualityAnalyst
    /// Read-only auditor; may issue no command.
    case auditor
    /// Data protection officer; the only role that may forget a customer.
    case dataProtectionOfficer
    /// Timers and automatic rules; never accepted from outside.
    case system

    /// The value-set name used in errors.
    public static let valueSetName = "role"

    /// Rank among the handling roles (agent 1 … executive 5); `nil` for the others.
    public var handlingRank: Int? {
        switch self {
        case .agent: 1
        case .specialist: 2
        case .supervisor: 3
        case .manager: 4
        case .executive: 5
        case .customer, .qualityAnalyst, .auditor, .dataProtectionOfficer, .system: nil
        }
    }

    /// Whether this is a handling role ranked at or above `role` ("agent+", "supervisor+", …).
    ///
    /// Always `false` when either role is not a handling role.
    public func isAtLeast(_ role: Role) -> Bool {
        guard let mine = handlingRank, let floor = role.handlingRank else { return false }
        return mine >= floor
    }
}
