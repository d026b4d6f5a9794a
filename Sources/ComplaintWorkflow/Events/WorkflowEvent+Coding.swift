extension WorkflowEvent {
    /// Decodes the data of an event of `type` (schema version 1).
    public init(type: EventType, from decoder: any Decoder) throws {
        switch type {
        case .complaintReceived: self = .complaintReceived(try ReceiveComplaint(from: decoder))
        case .complaintAcknowledged: self = .complaintAcknowledged(try AcknowledgeComplaint(from: decoder))
        case .authenticityVerified: self = .authenticityVerified(try VerifyAuthenticity(from: decoder))
        case .complaintClassified: self = .complaintClassified(try ClassifyComplaint(from: decoder))
        case .severityAssessed: self = .severityAssessed(try AssessSeverity(from: decoder))
        case .complaintAssigned: self = .complaintAssigned(try AssignComplaint(from: decoder))
        case .complaintTransferred: self = .complaintTransferred(try TransferComplaint(from: decoder))
        case .investigationStarted: self = .investigationStarted(try StartInvestigation(from: decoder))
        case .progressRecorded: self = .progressRecorded(try RecordProgress(from: decoder))
        case .rootCauseRecorded: self = .rootCauseRecorded(try RecordRootCause(from: decoder))
        case .resolutionProposed: self = .resolutionProposed(try ResolutionProposed(from: decoder))
        case .resolutionApproved: self = .resolutionApproved(try ApproveResolution(from: decoder))
        case .resolutionRejected: self = .resolutionRejected(try RejectResolution(from: decoder))
        case .resolutionImplemented: self = .resolutionImplemented(try ImplementResolution(from: decoder))
        case .resultCommunicated: self = .resultCommunicated(try CommunicateResult(from: decoder))
        case .customerAccepted: self = .customerAccepted(try RecordCustomerResponse(from: decoder))
        case .customerRejected: self = .customerRejected(try RecordCustomerResponse(from: decoder))
        case .satisfactionRecorded: self = .satisfactionRecorded(try RecordSatisfaction(from: decoder))
        case .returnVisitRecorded: self = .returnVisitRecorded(try RecordReturnVisit(from: decoder))
        case .complaintEscalated: self = .complaintEscalated(try ComplaintEscalated(from: decoder))
        case .complaintClosed: self = .complaintClosed(try ComplaintClosed(from: decoder))
        case .complaintReopened: self = .complaintReopened(try ReopenComplaint(from: decoder))
        case .lessonsRecorded: self = .lessonsRecorded(try RecordLessons(from: decoder))
        case .interactionsRecorded: self = .interactionsRecorded(try RecordInteractions(from: decoder))
        case .customerForgotten: self = .customerForgotten(try ForgetCustomer(from: decoder))
        case .severityRaised: self = .severityRaised(try SeverityRaised(from: decoder))
        case .slaWarningRaised: self = .slaWarningRaised(try SlaClockEvent(from: decoder))
        case .slaBreached: self = .slaBreached(try SlaClockEvent(from: decoder))
        case .repeatComplaintDetected: self = .repeatComplaintDetected(try RepeatComplaintDetected(from: decoder))
        case .improvementOpened: self = .improvementOpened(try ImprovementOpened(from: decoder))
        case .improvementRootCauseRecorded: self = .improvementRootCauseRecorded(try RecordImprovementRootCause(from: decoder))
        case .objectiveSet: self = .objectiveSet(try SetObjective(from: decoder))
        case .actionPlanned: self = .actionPlanned(try PlanAction(from: decoder))
        case .planSubmitted: self = .planSubmitted(try SubmitPlan(from: decoder))
        case .planApproved: self = .planApproved(try ApprovePlan(from: decoder))
        case .planRejected: self = .planRejected(try RejectPlan(from: decoder))
        case .actionStarted: self = .actionStarted(try StartAction(from: decoder))
        case .actionCompleted: self = .actionCompleted(try CompleteAction(from: decoder))
        case .actionDropped: self = .actionDropped(try DropAction(from: decoder))
        case .effectEvaluated: self = .effectEvaluated(try EffectEvaluated(from: decoder))
        case .improvementStandardised: self = .improvementStandardised(try Standardise(from: decoder))
        case .improvementClosed: self = .improvementClosed(try CancelImprovement(from: decoder))
        case .improvementSuggested: self = .improvementSuggested(try ImprovementSuggested(from: decoder))
        }
    }

    /// The event's data, encodable as one flat object under its field names.
    public var data: any Encodable & Sendable {
        switch self {
        case .complaintReceived(let data): data
        case .complaintAcknowledged(let data): data
        case .authenticityVerified(let data): data
        case .complaintClassified(let data): data
        case .severityAssessed(let data): data
        case .complaintAssigned(let data): data
        case .complaintTransferred(let data): data
        case .investigationStarted(let data): data
        case .progressRecorded(let data): data
        case .rootCauseRecorded(let data): data
        case .resolutionProposed(let data): data
        case .resolutionApproved(let data): data
        case .resolutionRejected(let data): data
        case .resolutionImplemented(let data): data
        case .resultCommunicated(let data): data
        case .customerAccepted(let data): data
        case .customerRejected(let data): data
        case .satisfactionRecorded(let data): data
        case .returnVisitRecorded(let data): data
        case .complaintEscalated(let data): data
        case .complaintClosed(let data): data
        case .complaintReopened(let data): data
        case .lessonsRecorded(let data): data
        case .interactionsRecorded(let data): data
        case .customerForgotten(let data): data
        case .severityRaised(let data): data
        case .slaWarningRaised(let data): data
        case .slaBreached(let data): data
        case .repeatComplaintDetected(let data): data
        case .improvementOpened(let data): data
        case .improvementRootCauseRecorded(let data): data
        case .objectiveSet(let data): data
        case .actionPlanned(let data): data
        case .planSubmitted(let data): data
        case .planApproved(let data): data
        case .planRejected(let data): data
        case .actionStarted(let data): data
        case .actionCompleted(let data): data
        case .actionDropped(let data): data
        case .effectEvaluated(let data): data
        case .improvementStandardised(let data): data
        case .improvementClosed(let data): data
        case .improvementSuggested(let data): data
        }
    }

    /// Encodes the event's data as one flat object under its field names.
    public func encodeData(to encoder: any Encoder) throws {
        try data.encode(to: encoder)
    }
}
