/// The name of every command (DOMAIN.md §3), as hosts and fixtures write it.
public enum CommandName: String, Hashable, Sendable, CaseIterable, Comparable {
    /// `ReceiveComplaint`.
    case receiveComplaint = "ReceiveComplaint"
    /// `AcknowledgeComplaint`.
    case acknowledgeComplaint = "AcknowledgeComplaint"
    /// `VerifyAuthenticity`.
    case verifyAuthenticity = "VerifyAuthenticity"
    /// `ClassifyComplaint`.
    case classifyComplaint = "ClassifyComplaint"
    /// `AssessSeverity`.
    case assessSeverity = "AssessSeverity"
    /// `AssignComplaint`.
    case assignComplaint = "AssignComplaint"
    /// `TransferComplaint`.
    case transferComplaint = "TransferComplaint"
    /// `StartInvestigation`.
    case startInvestigation = "StartInvestigation"
    /// `RecordProgress`.
    case recordProgress = "RecordProgress"
    /// `RecordRootCause`.
    case recordRootCause = "RecordRootCause"
    /// `ProposeResolution`.
    case proposeResolution = "ProposeResolution"
    /// `ApproveResolution`.
    case approveResolution = "ApproveResolution"
    /// `RejectResolution`.
    case rejectResolution = "RejectResolution"
    /// `ImplementResolution`.
    case implementResolution = "ImplementResolution"
    /// `CommunicateResult`.
    case communicateResult = "CommunicateResult"
    /// `RecordCustomerResponse`.
    case recordCustomerResponse = "RecordCustomerResponse"
    /// `RecordSatisfaction`.
    case recordSatisfaction = "RecordSatisfaction"
    /// `RecordReturnVisit`.
    case recordReturnVisit = "RecordReturnVisit"
    /// `EscalateComplaint`.
    case escalateComplaint = "EscalateComplaint"
    /// `RejectAsFalse`.
    case rejectAsFalse = "RejectAsFalse"
    /// `WithdrawComplaint`.
    case withdrawComplaint = "WithdrawComplaint"
    /// `CloseComplaint`.
    case closeComplaint = "CloseComplaint"
    /// `ReopenComplaint`.
    case reopenComplaint = "ReopenComplaint"
    /// `RecordLessons`.
    case recordLessons = "RecordLessons"
    /// `RecordInteractions`.
    case recordInteractions = "RecordInteractions"
    /// `ForgetCustomer`.
    case forgetCustomer = "ForgetCustomer"
    /// `OpenImprovement` (DOMAIN.md §7).
    case openImprovement = "OpenImprovement"
    /// `RecordImprovementRootCause` (DOMAIN.md §7).
    case recordImprovementRootCause = "RecordImprovementRootCause"
    /// `SetObjective` (DOMAIN.md §7).
    case setObjective = "SetObjective"
    /// `PlanAction` (DOMAIN.md §7).
    case planAction = "PlanAction"
    /// `SubmitPlan` (DOMAIN.md §7).
    case submitPlan = "SubmitPlan"
    /// `ApprovePlan` (DOMAIN.md §7).
    case approvePlan = "ApprovePlan"
    /// `RejectPlan` (DOMAIN.md §7).
    case rejectPlan = "RejectPlan"
    /// `StartAction` (DOMAIN.md §7).
    case startAction = "StartAction"
    /// `CompleteAction` (DOMAIN.md §7).
    case completeAction = "CompleteAction"
    /// `DropAction` (DOMAIN.md §7).
    case dropAction = "DropAction"
    /// `EvaluateEffect` (DOMAIN.md §7).
    case evaluateEffect = "EvaluateEffect"
    /// `Standardise` (DOMAIN.md §7).
    case standardise = "Standardise"
    /// `CancelImprovement` (DOMAIN.md §7).
    case cancelImprovement = "CancelImprovement"

    /// Whether the command belongs to an improvement (PDCA) cycle (DOMAIN.md §7): decided by
    /// ``decideImprovement(_:_:_:)`` rather than ``decide(_:_:_:)``.
    public var isImprovement: Bool { self >= .openImprovement }

    /// Table order (the order of DOMAIN.md §3, then §7).
    public static func < (lhs: CommandName, rhs: CommandName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
