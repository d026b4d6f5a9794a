/// Any event of DOMAIN.md §3–§5 with its data. Events whose data is exactly their command's data
/// carry the command struct, so the field names are the command's.
public enum WorkflowEvent: Hashable, Sendable {
    case complaintReceived(ReceiveComplaint)
    case complaintAcknowledged(AcknowledgeComplaint)
    case authenticityVerified(VerifyAuthenticity)
    case complaintClassified(ClassifyComplaint)
    case severityAssessed(AssessSeverity)
    case complaintAssigned(AssignComplaint)
    case complaintTransferred(TransferComplaint)
    case investigationStarted(StartInvestigation)
    case progressRecorded(RecordProgress)
    case rootCauseRecorded(RecordRootCause)
    case resolutionProposed(ResolutionProposed)
    case resolutionApproved(ApproveResolution)
    case resolutionRejected(RejectResolution)
    case resolutionImplemented(ImplementResolution)
    case resultCommunicated(CommunicateResult)
    case customerAccepted(RecordCustomerResponse)
    case customerRejected(RecordCustomerResponse)
    case satisfactionRecorded(RecordSatisfaction)
    case returnVisitRecorded(RecordReturnVisit)
    case complaintEscalated(ComplaintEscalated)
    case complaintClosed(ComplaintClosed)
    case complaintReopened(ReopenComplaint)
    case lessonsRecorded(RecordLessons)
    case interactionsRecorded(RecordInteractions)
    case customerForgotten(ForgetCustomer)
    case severityRaised(SeverityRaised)
    case slaWarningRaised(SlaClockEvent)
    case slaBreached(SlaClockEvent)
    case repeatComplaintDetected(RepeatComplaintDetected)

    /// The event's type (stable name and schema version).
    public var type: EventType {
        switch self {
        case .complaintReceived: .complaintReceived
        case .complaintAcknowledged: .complaintAcknowledged
        case .authenticityVerified: .authenticityVerified
        case .complaintClassified: .complaintClassified
        case .severityAssessed: .severityAssessed
        case .complaintAssigned: .complaintAssigned
        case .complaintTransferred: .complaintTransferred
        case .investigationStarted: .investigationStarted
        case .progressRecorded: .progressRecorded
        case .rootCauseRecorded: .rootCauseRecorded
        case .resolutionProposed: .resolutionProposed
        case .resolutionApproved: .resolutionApproved
        case .resolutionRejected: .resolutionRejected
        case .resolutionImplemented: .resolutionImplemented
        case .resultCommunicated: .resultCommunicated
        case .customerAccepted: .customerAccepted
        case .customerRejected: .customerRejected
        case .satisfactionRecorded: .satisfactionRecorded
        case .returnVisitRecorded: .returnVisitRecorded
        case .complaintEscalated: .complaintEscalated
        case .complaintClosed: .complaintClosed
        case .complaintReopened: .complaintReopened
        case .lessonsRecorded: .lessonsRecorded
        case .interactionsRecorded: .interactionsRecorded
        case .customerForgotten: .customerForgotten
        case .severityRaised: .severityRaised
        case .slaWarningRaised: .slaWarningRaised
        case .slaBreached: .slaBreached
        case .repeatComplaintDetected: .repeatComplaintDetected
        }
    }

    /// The stable type name, e.g. `ComplaintReceived`.
    public var typeName: String { type.typeName }

    /// The schema version of the event's data.
    public var schemaVersion: Int { type.schemaVersion }
}
