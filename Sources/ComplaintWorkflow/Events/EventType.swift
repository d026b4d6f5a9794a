/// The stable type name and schema version of every event (DOMAIN.md §1, §3, §4, §5).
public enum EventType: String, Hashable, Sendable, CaseIterable {
    case complaintReceived = "ComplaintReceived"
    case complaintAcknowledged = "ComplaintAcknowledged"
    case authenticityVerified = "AuthenticityVerified"
    case complaintClassified = "ComplaintClassified"
    case severityAssessed = "SeverityAssessed"
    case complaintAssigned = "ComplaintAssigned"
    case complaintTransferred = "ComplaintTransferred"
    case investigationStarted = "InvestigationStarted"
    case progressRecorded = "ProgressRecorded"
    case rootCauseRecorded = "RootCauseRecorded"
    case resolutionProposed = "ResolutionProposed"
    case resolutionApproved = "ResolutionApproved"
    case resolutionRejected = "ResolutionRejected"
    case resolutionImplemented = "ResolutionImplemented"
    case resultCommunicated = "ResultCommunicated"
    case customerAccepted = "CustomerAccepted"
    case customerRejected = "CustomerRejected"
    case satisfactionRecorded = "SatisfactionRecorded"
    case returnVisitRecorded = "ReturnVisitRecorded"
    case complaintEscalated = "ComplaintEscalated"
    case complaintClosed = "ComplaintClosed"
    case complaintReopened = "ComplaintReopened"
    case lessonsRecorded = "LessonsRecorded"
    case interactionsRecorded = "InteractionsRecorded"
    case customerForgotten = "CustomerForgotten"
    case severityRaised = "SeverityRaised"
    case slaWarningRaised = "SlaWarningRaised"
    case slaBreached = "SlaBreached"
    case repeatComplaintDetected = "RepeatComplaintDetected"

    /// The stable name stored with each event.
    public var typeName: String { rawValue }

    /// The version of the event's data shape; bumped when its fields change.
    public var schemaVersion: Int { 1 }
}
