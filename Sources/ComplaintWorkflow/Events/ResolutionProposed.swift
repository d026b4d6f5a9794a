public import ComplaintPolicy

/// Who must approve a proposed resolution (003 §4.3; DOMAIN.md §3 approval rule).
public enum ResolutionApprover: String, Hashable, Sendable, CaseIterable {
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

/// `ResolutionProposed`: the proposal's fields plus `requiredApprover` (none: straight to
/// `implementing`).
@dynamicMemberLookup
public struct ResolutionProposed: Hashable, Sendable {
    /// The proposal as commanded.
    public var proposal: ProposeResolution
    /// Who must approve it; `nil` when no approval is needed.
    public var requiredApprover: ResolutionApprover?

    /// Creates the event data.
    public init(proposal: ProposeResolution, requiredApprover: ResolutionApprover?) {
        self.proposal = proposal
        self.requiredApprover = requiredApprover
    }

    /// The proposal's fields, under their command names.
    public subscript<Value>(dynamicMember keyPath: KeyPath<ProposeResolution, Value>) -> Value {
        proposal[keyPath: keyPath]
    }
}
