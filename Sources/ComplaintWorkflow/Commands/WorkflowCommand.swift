public import ComplaintPolicy

/// Any command of DOMAIN.md §3, with its data.
public enum WorkflowCommand: Hashable, Sendable {
    /// `ReceiveComplaint` and its data.
    case receiveComplaint(ReceiveComplaint)
    /// `AcknowledgeComplaint` and its data.
    case acknowledgeComplaint(AcknowledgeComplaint)
    /// `VerifyAuthenticity` and its data.
    case verifyAuthenticity(VerifyAuthenticity)
    /// `ClassifyComplaint` and its data.
    case classifyComplaint(ClassifyComplaint)
    /// `AssessSeverity` and its data.
    case assessSeverity(AssessSeverity)
    /// `AssignComplaint` and its data.
    case assignComplaint(AssignComplaint)
    /// `TransferComplaint` and its data.
    case transferComplaint(TransferComplaint)
    /// `StartInvestigation` and its data.
    case startInvestigation(StartInvestigation)
    /// `RecordProgress` and its data.
    case recordProgress(RecordProgress)
    /// `RecordRootCause` and its data.
    case recordRootCause(RecordRootCause)
    /// `ProposeResolution` and its data.
    case proposeResolution(ProposeResolution)
    /// `ApproveResolution` and its data.
    case approveResolution(ApproveResolution)
    /// `RejectResolution` and its data.
    case rejectResolution(RejectResolution)
    /// `ImplementResolution` and its data.
    case implementResolution(ImplementResolution)
    /// `CommunicateResult` and its data.
    case communicateResult(CommunicateResult)
    /// `RecordCustomerResponse` and its data.
    case recordCustomerResponse(RecordCustomerResponse)
    /// `RecordSatisfaction` and its data.
    case recordSatisfaction(RecordSatisfaction)
    /// `RecordReturnVisit` and its data.
    case recordReturnVisit(RecordReturnVisit)
    /// `EscalateComplaint` and its data.
    case escalateComplaint(EscalateComplaint)
    /// `RejectAsFalse` and its data.
    case rejectAsFalse(RejectAsFalse)
    /// `WithdrawComplaint` and its data.
    case withdrawComplaint(WithdrawComplaint)
    /// `CloseComplaint` and its data.
    case closeComplaint(CloseComplaint)
    /// `ReopenComplaint` and its data.
    case reopenComplaint(ReopenComplaint)
    /// `RecordLessons` and its data.
    case recordLessons(RecordLessons)
    /// `RecordInteractions` and its data.
    case recordInteractions(RecordInteractions)
    /// `ForgetCustomer` and its data.
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
