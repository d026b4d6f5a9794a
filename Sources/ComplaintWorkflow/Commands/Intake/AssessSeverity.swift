public import ComplaintPolicy

/// Assesses severity and urgency (003 §3.2, §4.3 step 三). Lowering the previous assessment's
/// severity or urgency needs a supervisor or above.
public struct AssessSeverity: CommandPayload {
    /// `AssessSeverity`.
    public static let name = CommandName.assessSeverity
    /// 一般/較重/嚴重.
    public var severity: Severity
    /// 緊急/不緊急.
    public var urgency: Urgency
    /// The factors behind the assessment.
    public var factors: SeverityFactors
    /// 0–3, default 0 (003 §4.3 客戶重要性).
    public var customerImportance: Int?

    /// Creates the command.
    public init(severity: Severity, urgency: Urgency, factors: SeverityFactors = SeverityFactors(), customerImportance: Int? = nil) {
        self.severity = severity
        self.urgency = urgency
        self.factors = factors
        self.customerImportance = customerImportance
    }

    /// Customer importance lies in 0–3.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        if let customerImportance { try Validation.range(customerImportance, 0...3, field: "customerImportance") }
    }

    private enum CodingKeys: String, CodingKey {
        case severity, urgency, factors, customerImportance
    }

    /// Decodes the data; missing `factors` are all `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        urgency = try container.decode(Urgency.self, forKey: .urgency)
        factors = try container.decodeIfPresent(SeverityFactors.self, forKey: .factors) ?? SeverityFactors()
        customerImportance = try container.decodeIfPresent(Int.self, forKey: .customerImportance)
    }
}
