public import ComplaintPolicy

/// Any command of DOMAIN.md §3, with its data.
public enum WorkflowCommand: Hashable, Sendable {
    case receiveComplaint(ReceiveComplaint)
    case acknowledgeComplaint(AcknowledgeComplaint)
    case verifyAuthenticity(VerifyAuthenticity)
    case classifyComplaint(ClassifyComplaint)
    case assessSeverity(AssessSeverity)
    case assignComplaint(AssignComplaint)
    case transferComplaint(TransferComplaint)
    case startInvestigation(StartInvestigation)
    case recordProgress(RecordProgress)
    case recordRootCause(RecordRootCause)
    case proposeResolution(ProposeResolution)
    case approveResolution(ApproveResolution)
    case rejectResolution(RejectResolution)
    case implementResolution(ImplementResolution)
    case communicateResult(CommunicateResult)
    case recordCustomerResponse(RecordCustomerResponse)
    case recordSatisfaction(RecordSatisfaction)
    case recordReturnVisit(RecordReturnVisit)
    case escalateComplaint(EscalateComplaint)
    case rejectAsFalse(RejectAsFalse)
    case withdrawComplaint(WithdrawComplaint)
    case closeComplaint(CloseComplaint)
    case reopenComplaint(ReopenComplaint)
    case recordLessons(RecordLessons)
    case recordInteractions(RecordInteractions)
    case forgetCustomer(ForgetCustomer)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .receiveComplaint(let data): data
        case .acknowledgeComplaint(let data): data
        case .verifyAuthenticity(let data): data
        case .classifyComplaint(let data): data
        case .assessSeverity(let data): data
        case .assignComplaint(let data): data
        case .transferComplaint(let data): data
        case .startInvestigation(let data): data
        case .recordProgress(let data): data
        case .recordRootCause(let data): data
        case .proposeResolution(let data): data
        case .approveResolution(let data): data
        case .rejectResolution(let data): data
        case .implementResolution(let data): data
        case .communicateResult(let data): data
        case .recordCustomerResponse(let data): data
        case .recordSatisfaction(let data): data
        case .recordReturnVisit(let data): data
        case .escalateComplaint(let data): data
        case .rejectAsFalse(let data): data
        case .withdrawComplaint(let data): data
        case .closeComplaint(let data): data
        case .reopenComplaint(let data): data
        case .recordLessons(let data): data
        case .recordInteractions(let data): data
        case .forgetCustomer(let data): data
        }
    }

    /// The command's name.
    public var name: CommandName { payload.name }

    /// Checks shape, values and limits (first refusal stage).
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try payload.validate(policy: policy)
    }
}
