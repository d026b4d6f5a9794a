/// The name of every command (DOMAIN.md §3), as hosts and fixtures write it.
public enum CommandName: String, Hashable, Sendable, CaseIterable, Comparable {
    case receiveComplaint = "ReceiveComplaint"
    case acknowledgeComplaint = "AcknowledgeComplaint"
    case verifyAuthenticity = "VerifyAuthenticity"
    case classifyComplaint = "ClassifyComplaint"
    case assessSeverity = "AssessSeverity"
    case assignComplaint = "AssignComplaint"
    case transferComplaint = "TransferComplaint"
    case startInvestigation = "StartInvestigation"
    case recordProgress = "RecordProgress"
    case recordRootCause = "RecordRootCause"
    case proposeResolution = "ProposeResolution"
    case approveResolution = "ApproveResolution"
    case rejectResolution = "RejectResolution"
    case implementResolution = "ImplementResolution"
    case communicateResult = "CommunicateResult"
    case recordCustomerResponse = "RecordCustomerResponse"
    case recordSatisfaction = "RecordSatisfaction"
    case recordReturnVisit = "RecordReturnVisit"
    case escalateComplaint = "EscalateComplaint"
    case rejectAsFalse = "RejectAsFalse"
    case withdrawComplaint = "WithdrawComplaint"
    case closeComplaint = "CloseComplaint"
    case reopenComplaint = "ReopenComplaint"
    case recordLessons = "RecordLessons"
    case recordInteractions = "RecordInteractions"
    case forgetCustomer = "ForgetCustomer"

    /// Table order (the order of DOMAIN.md §3).
    public static func < (lhs: CommandName, rhs: CommandName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
