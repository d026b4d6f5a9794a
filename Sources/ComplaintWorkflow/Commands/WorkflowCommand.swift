public import ComplaintPolicy

/// Any command of DOMAIN.md §3 and §7, with its data.
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
    /// `OpenImprovement` and its data (DOMAIN.md §7).
    case openImprovement(OpenImprovement)
    /// `RecordImprovementRootCause` and its data (DOMAIN.md §7).
    case recordImprovementRootCause(RecordImprovementRootCause)
    /// `SetObjective` and its data (DOMAIN.md §7).
    case setObjective(SetObjective)
    /// `PlanAction` and its data (DOMAIN.md §7).
    case planAction(PlanAction)
    /// `SubmitPlan` and its data (DOMAIN.md §7).
    case submitPlan(SubmitPlan)
    /// `ApprovePlan` and its data (DOMAIN.md §7).
    case approvePlan(ApprovePlan)
    /// `RejectPlan` and its data (DOMAIN.md §7).
    case rejectPlan(RejectPlan)
    /// `StartAction` and its data (DOMAIN.md §7).
    case startAction(StartAction)
    /// `CompleteAction` and its data (DOMAIN.md §7).
    case completeAction(CompleteAction)
    /// `DropAction` and its data (DOMAIN.md §7).
    case dropAction(DropAction)
    /// `EvaluateEffect` and its data (DOMAIN.md §7).
    case evaluateEffect(EvaluateEffect)
    /// `Standardise` and its data (DOMAIN.md §7).
    case standardise(Standardise)
    /// `CancelImprovement` and its data (DOMAIN.md §7).
    case cancelImprovement(CancelImprovement)

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
        case .openImprovement(let data): data
        case .recordImprovementRootCause(let data): data
        case .setObjective(let data): data
        case .planAction(let data): data
        case .submitPlan(let data): data
        case .approvePlan(let data): data
        case .rejectPlan(let data): data
        case .startAction(let data): data
        case .completeAction(let data): data
        case .dropAction(let data): data
        case .evaluateEffect(let data): data
        case .standardise(let data): data
        case .cancelImprovement(let data): data
        }
    }

    /// The command's name.
    public var name: CommandName { payload.name }

    /// Checks shape, values and limits (first refusal stage).
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try payload.validate(policy: policy)
    }
}
