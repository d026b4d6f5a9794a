/// Any event of DOMAIN.md §3–§5 and §7 with its data. Events whose data is exactly their command's data
/// carry the command struct, so the field names are the command's.
public enum WorkflowEvent: Hashable, Sendable {
    /// `ComplaintReceived` and its data.
    case complaintReceived(ReceiveComplaint)
    /// `ComplaintAcknowledged` and its data.
    case complaintAcknowledged(AcknowledgeComplaint)
    /// `AuthenticityVerified` and its data.
    case authenticityVerified(VerifyAuthenticity)
    /// `ComplaintClassified` and its data.
    case complaintClassified(ClassifyComplaint)
    /// `SeverityAssessed` and its data.
    case severityAssessed(AssessSeverity)
    /// `ComplaintAssigned` and its data.
    case complaintAssigned(AssignComplaint)
    /// `ComplaintTransferred` and its data.
    case complaintTransferred(TransferComplaint)
    /// `InvestigationStarted` and its data.
    case investigationStarted(StartInvestigation)
    /// `ProgressRecorded` and its data.
    case progressRecorded(RecordProgress)
    /// `RootCauseRecorded` and its data.
    case rootCauseRecorded(RecordRootCause)
    /// `ResolutionProposed` and its data.
    case resolutionProposed(ResolutionProposed)
    /// `ResolutionApproved` and its data.
    case resolutionApproved(ApproveResolution)
    /// `ResolutionRejected` and its data.
    case resolutionRejected(RejectResolution)
    /// `ResolutionImplemented` and its data.
    case resolutionImplemented(ImplementResolution)
    /// `ResultCommunicated` and its data.
    case resultCommunicated(CommunicateResult)
    /// `CustomerAccepted` and its data.
    case customerAccepted(RecordCustomerResponse)
    /// `CustomerRejected` and its data.
    case customerRejected(RecordCustomerResponse)
    /// `SatisfactionRecorded` and its data.
    case satisfactionRecorded(RecordSatisfaction)
    /// `ReturnVisitRecorded` and its data.
    case returnVisitRecorded(RecordReturnVisit)
    /// `ComplaintEscalated` and its data.
    case complaintEscalated(ComplaintEscalated)
    /// `ComplaintClosed` and its data.
    case complaintClosed(ComplaintClosed)
    /// `ComplaintReopened` and its data.
    case complaintReopened(ReopenComplaint)
    /// `LessonsRecorded` and its data.
    case lessonsRecorded(RecordLessons)
    /// `InteractionsRecorded` and its data.
    case interactionsRecorded(RecordInteractions)
    /// `CustomerForgotten` and its data.
    case customerForgotten(ForgetCustomer)
    /// `SeverityRaised` and its data.
    case severityRaised(SeverityRaised)
    /// `SlaWarningRaised` and its data.
    case slaWarningRaised(SlaClockEvent)
    /// `SlaBreached` and its data.
    case slaBreached(SlaClockEvent)
    /// `RepeatComplaintDetected` and its data.
    case repeatComplaintDetected(RepeatComplaintDetected)
    /// `ImprovementOpened` and its data (DOMAIN.md §7).
    case improvementOpened(ImprovementOpened)
    /// `ImprovementRootCauseRecorded` and its data (DOMAIN.md §7).
    case improvementRootCauseRecorded(RecordImprovementRootCause)
    /// `ObjectiveSet` and its data (DOMAIN.md §7).
    case objectiveSet(SetObjective)
    /// `ActionPlanned` and its data (DOMAIN.md §7).
    case actionPlanned(PlanAction)
    /// `PlanSubmitted` and its data (DOMAIN.md §7).
    case planSubmitted(SubmitPlan)
    /// `PlanApproved` and its data (DOMAIN.md §7).
    case planApproved(ApprovePlan)
    /// `PlanRejected` and its data (DOMAIN.md §7).
    case planRejected(RejectPlan)
    /// `ActionStarted` and its data (DOMAIN.md §7).
    case actionStarted(StartAction)
    /// `ActionCompleted` and its data (DOMAIN.md §7).
    case actionCompleted(CompleteAction)
    /// `ActionDropped` and its data (DOMAIN.md §7).
    case actionDropped(DropAction)
    /// `EffectEvaluated` and its data (DOMAIN.md §7).
    case effectEvaluated(EffectEvaluated)
    /// `ImprovementStandardised` and its data (DOMAIN.md §7).
    case improvementStandardised(Standardise)
    /// `ImprovementClosed` and its data (DOMAIN.md §7).
    case improvementClosed(CancelImprovement)
    /// `ImprovementSuggested` and its data (DOMAIN.md §7).
    case improvementSuggested(ImprovementSuggested)

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
        case .improvementOpened: .improvementOpened
        case .improvementRootCauseRecorded: .improvementRootCauseRecorded
        case .objectiveSet: .objectiveSet
        case .actionPlanned: .actionPlanned
        case .planSubmitted: .planSubmitted
        case .planApproved: .planApproved
        case .planRejected: .planRejected
        case .actionStarted: .actionStarted
        case .actionCompleted: .actionCompleted
        case .actionDropped: .actionDropped
        case .effectEvaluated: .effectEvaluated
        case .improvementStandardised: .improvementStandardised
        case .improvementClosed: .improvementClosed
        case .improvementSuggested: .improvementSuggested
        }
    }

    /// The stable type name, e.g. `ComplaintReceived`.
    public var typeName: String { type.typeName }

    /// The schema version of the event's data.
    public var schemaVersion: Int { type.schemaVersion }
}
