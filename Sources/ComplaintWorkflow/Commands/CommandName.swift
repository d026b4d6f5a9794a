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

    /// Table order (the order of DOMAIN.md §3).
    public static func < (lhs: CommandName, rhs: CommandName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
