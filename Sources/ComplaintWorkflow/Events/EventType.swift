/// The stable type name and schema version of every event (DOMAIN.md §1, §3, §4, §5, §7).
public enum EventType: String, Hashable, Sendable, CaseIterable {
    /// `ComplaintReceived`.
    case complaintReceived = "ComplaintReceived"
    /// `ComplaintAcknowledged`.
    case complaintAcknowledged = "ComplaintAcknowledged"
    /// `AuthenticityVerified`.
    case authenticityVerified = "AuthenticityVerified"
    /// `ComplaintClassified`.
    case complaintClassified = "ComplaintClassified"
    /// `SeverityAssessed`.
    case severityAssessed = "SeverityAssessed"
    /// `ComplaintAssigned`.
    case complaintAssigned = "ComplaintAssigned"
    /// `ComplaintTransferred`.
    case complaintTransferred = "ComplaintTransferred"
    /// `InvestigationStarted`.
    case investigationStarted = "InvestigationStarted"
    /// `ProgressRecorded`.
    case progressRecorded = "ProgressRecorded"
    /// `RootCauseRecorded`.
    case rootCauseRecorded = "RootCauseRecorded"
    /// `ResolutionProposed`.
    case resolutionProposed = "ResolutionProposed"
    /// `ResolutionApproved`.
    case resolutionApproved = "ResolutionApproved"
    /// `ResolutionRejected`.
    case resolutionRejected = "ResolutionRejected"
    /// `ResolutionImplemented`.
    case resolutionImplemented = "ResolutionImplemented"
    /// `ResultCommunicated`.
    case resultCommunicated = "ResultCommunicated"
    /// `CustomerAccepted`.
    case customerAccepted = "CustomerAccepted"
    /// `CustomerRejected`.
    case customerRejected = "CustomerRejected"
    /// `SatisfactionRecorded`.
    case satisfactionRecorded = "SatisfactionRecorded"
    /// `ReturnVisitRecorded`.
    case returnVisitRecorded = "ReturnVisitRecorded"
    /// `ComplaintEscalated`.
    case complaintEscalated = "ComplaintEscalated"
    /// `ComplaintClosed`.
    case complaintClosed = "ComplaintClosed"
    /// `ComplaintReopened`.
    case complaintReopened = "ComplaintReopened"
    /// `LessonsRecorded`.
    case lessonsRecorded = "LessonsRecorded"
    /// `InteractionsRecorded`.
    case interactionsRecorded = "InteractionsRecorded"
    /// `CustomerForgotten`.
    case customerForgotten = "CustomerForgotten"
    /// `SeverityRaised`.
    case severityRaised = "SeverityRaised"
    /// `SlaWarningRaised`.
    case slaWarningRaised = "SlaWarningRaised"
    /// `SlaBreached`.
    case slaBreached = "SlaBreached"
    /// `RepeatComplaintDetected`.
    case repeatComplaintDetected = "RepeatComplaintDetected"
    /// `ImprovementOpened` (DOMAIN.md §7).
    case improvementOpened = "ImprovementOpened"
    /// `ImprovementRootCauseRecorded` (DOMAIN.md §7).
    case improvementRootCauseRecorded = "ImprovementRootCauseRecorded"
    /// `ObjectiveSet` (DOMAIN.md §7).
    case objectiveSet = "ObjectiveSet"
    /// `ActionPlanned` (DOMAIN.md §7).
    case actionPlanned = "ActionPlanned"
    /// `PlanSubmitted` (DOMAIN.md §7).
    case planSubmitted = "PlanSubmitted"
    /// `PlanApproved` (DOMAIN.md §7).
    case planApproved = "PlanApproved"
    /// `PlanRejected` (DOMAIN.md §7).
    case planRejected = "PlanRejected"
    /// `ActionStarted` (DOMAIN.md §7).
    case actionStarted = "ActionStarted"
    /// `ActionCompleted` (DOMAIN.md §7).
    case actionCompleted = "ActionCompleted"
    /// `ActionDropped` (DOMAIN.md §7).
    case actionDropped = "ActionDropped"
    /// `EffectEvaluated` (DOMAIN.md §7).
    case effectEvaluated = "EffectEvaluated"
    /// `ImprovementStandardised` (DOMAIN.md §7).
    case improvementStandardised = "ImprovementStandardised"
    /// `ImprovementClosed` (DOMAIN.md §7).
    case improvementClosed = "ImprovementClosed"
    /// `ImprovementSuggested` (DOMAIN.md §7).
    case improvementSuggested = "ImprovementSuggested"

    /// Whether the event belongs to an improvement cycle or the suggestions stream (DOMAIN.md §7).
    public var isImprovement: Bool {
        guard let index = Self.allCases.firstIndex(of: self), let first = Self.allCases.firstIndex(of: .improvementOpened) else { return false }
        return index >= first
    }

    /// The stable name stored with each event.
    public var typeName: String { rawValue }

    /// The version of the event's data shape; bumped when its fields change, with an upcaster from
    /// the previous version in ``EventCodec/shippedUpcasters``.
    ///
    /// `SatisfactionRecorded` is at 2: version 1 had no `method`.
    public var schemaVersion: Int {
        switch self {
        case .satisfactionRecorded: 2
        default: 1
        }
    }
}
