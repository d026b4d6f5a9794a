public import ComplaintPolicy

/// Who must approve a proposed resolution (003 §4.3; DOMAIN.md §3 approval rule).
public enum ResolutionApprover: String, Hashable, Sendable, CaseIterable, Codable {
    /// `executive` (公司高層): the special-group or critical path.
    case executive
    /// Any supervisor or above: compensation above the limit.
    case supervisorOrAbove = "supervisor+"

    /// Whether `role` may approve or reject on this path.
    public func admits(_ role: Role) -> Bool {
        switch self {
        case .executive: role == .executive
        case .supervisorOrAbove: role.isAtLeast(.supervisor)
        }
    }
}
