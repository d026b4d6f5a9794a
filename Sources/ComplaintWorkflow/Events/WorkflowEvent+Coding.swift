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
        }
    }

    /// Encodes the event's data as one flat object under its field names.
    public func encodeData(to encoder: any Encoder) throws {
        try data.encode(to: encoder)
    }
}
