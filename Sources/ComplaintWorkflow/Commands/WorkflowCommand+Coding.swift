import ComplaintPolicy

extension WorkflowCommand {
    /// Decodes the data of the command `name` (the `data` of a fixture step or a host request).
    ///
    /// Field names are the command's (DOMAIN.md §3); values outside a value set are refused by
    /// the policy module's strict decoders.
    public init(name: CommandName, from decoder: any Decoder) throws {
        switch name {
        case .receiveComplaint: self = .receiveComplaint(try ReceiveComplaint(from: decoder))
        case .acknowledgeComplaint: self = .acknowledgeComplaint(try AcknowledgeComplaint(from: decoder))
        case .verifyAuthenticity: self = .verifyAuthenticity(try VerifyAuthenticity(from: decoder))
        case .classifyComplaint: self = .classifyComplaint(try ClassifyComplaint(from: decoder))
        case .assessSeverity: self = .assessSeverity(try AssessSeverity(from: decoder))
        case .assignComplaint: self = .assignComplaint(try AssignComplaint(from: decoder))
        case .transferComplaint: self = .transferComplaint(try TransferComplaint(from: decoder))
        case .startInvestigation: self = .startInvestigation(try StartInvestigation(from: decoder))
        case .recordProgress: self = .recordProgress(try RecordProgress(from: decoder))
        case .recordRootCause: self = .recordRootCause(try RecordRootCause(from: decoder))
        case .proposeResolution: self = .proposeResolution(try ProposeResolution(from: decoder))
        case .approveResolution: self = .approveResolution(try ApproveResolution(from: decoder))
        case .rejectResolution: self = .rejectResolution(try RejectResolution(from: decoder))
        case .implementResolution: self = .implementResolution(try ImplementResolution(from: decoder))
        case .communicateResult: self = .communicateResult(try CommunicateResult(from: decoder))
        case .recordCustomerResponse: self = .recordCustomerResponse(try RecordCustomerResponse(from: decoder))
        case .recordSatisfaction: self = .recordSatisfaction(try RecordSatisfaction(from: decoder))
        case .recordReturnVisit: self = .recordReturnVisit(try RecordReturnVisit(from: decoder))
        case .escalateComplaint: self = .escalateComplaint(try EscalateComplaint(from: decoder))
        case .rejectAsFalse: self = .rejectAsFalse(try RejectAsFalse(from: decoder))
        case .withdrawComplaint: self = .withdrawComplaint(try WithdrawComplaint(from: decoder))
        case .closeComplaint: self = .closeComplaint(try CloseComplaint(from: decoder))
        case .reopenComplaint: self = .reopenComplaint(try ReopenComplaint(from: decoder))
        case .recordLessons: self = .recordLessons(try RecordLessons(from: decoder))
        case .recordInteractions: self = .recordInteractions(try RecordInteractions(from: decoder))
        case .forgetCustomer: self = .forgetCustomer(try ForgetCustomer(from: decoder))
        case .openImprovement: self = .openImprovement(try OpenImprovement(from: decoder))
        case .recordImprovementRootCause: self = .recordImprovementRootCause(try RecordImprovementRootCause(from: decoder))
        case .setObjective: self = .setObjective(try SetObjective(from: decoder))
        case .planAction: self = .planAction(try PlanAction(from: decoder))
        case .submitPlan: self = .submitPlan(try SubmitPlan(from: decoder))
        case .approvePlan: self = .approvePlan(try ApprovePlan(from: decoder))
        case .rejectPlan: self = .rejectPlan(try RejectPlan(from: decoder))
        case .startAction: self = .startAction(try StartAction(from: decoder))
        case .completeAction: self = .completeAction(try CompleteAction(from: decoder))
        case .dropAction: self = .dropAction(try DropAction(from: decoder))
        case .evaluateEffect: self = .evaluateEffect(try EvaluateEffect(from: decoder))
        case .standardise: self = .standardise(try Standardise(from: decoder))
        case .cancelImprovement: self = .cancelImprovement(try CancelImprovement(from: decoder))
        }
    }

    /// Encodes the command's data as one flat object under its field names.
    public func encodeData(to encoder: any Encoder) throws {
        try payload.encode(to: encoder)
    }
}
