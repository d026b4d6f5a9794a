public import ComplaintPolicy

/// The approval rule of DOMAIN.md §3 (003 §4.3; the compensation path is policy).
public enum ApprovalRule {
    /// Who must approve `proposal` on a complaint in `state`; `nil`: no approval needed.
    ///
    /// A special group investigated it, or the effective severity is `critical`: `executive`.
    /// Otherwise compensation above `approvalCompensationLimit`: supervisor or above.
    public static func approver(for proposal: ProposeResolution, in state: ComplaintState, policy: ServicePolicy) -> ResolutionApprover? {
        if state.specialGroup != nil || state.severity == .critical { return .executive }
        if let amount = proposal.compensationAmount?.amount, amount > policy.approvalCompensationLimit {
            return .supervisorOrAbove
        }
        return nil
    }
}
