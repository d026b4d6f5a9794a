public import ComplaintPolicy
import Foundation

/// The customer as recorded at receipt. `id` is opaque (never a phone number or a name); the
/// other fields are personal data (DOMAIN.md §8).
public struct CustomerDetails: Hashable, Sendable, Codable {
    /// Opaque customer id (1–128 bytes of UTF-8), stored in clear.
    public var id: String
    /// The customer's name (personal).
    public var name: String?
    /// The customer's phone number (personal).
    public var phone: String?
    /// The customer's e-mail address (personal).
    public var email: String?

    /// Creates customer details.
    public init(id: String, name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// Records a new complaint (003 §2.2, §4.3 step 一). Creates the complaint stream.
public struct ReceiveComplaint: CommandPayload {
    /// `ReceiveComplaint`.
    public static let name = CommandName.receiveComplaint
    /// Who complains.
    public var customer: CustomerDetails
    /// The inbound channel the complaint came through.
    public var channel: Channel
    /// What the customer says happened (personal).
    public var description: String
    /// What the customer asks for (personal).
    public var remedySought: String?
    /// The amount at stake.
    public var amountInvolved: Money?
    /// The related order.
    public var orderNumber: String?
    /// The customer's emotion at receipt (003 §3.3).
    public var emotion: Emotion?
    /// References to attached evidence (personal).
    public var attachments: [String]?
    /// What follow-up the customer expects (personal).
    public var followUpExpectation: String?
    /// `internal` (default) or `external`.
    public var source: ComplaintSource?

    /// Creates the command.
    public init(
        customer: CustomerDetails, channel: Channel, description: String, remedySought: String? = nil,
        amountInvolved: Money? = nil, orderNumber: String? = nil, emotion: Emotion? = nil,
        attachments: [String]? = nil, followUpExpectation: String? = nil, source: ComplaintSource? = nil
    ) {
        self.customer = customer
        self.channel = channel
        self.description = description
        self.remedySought = remedySought
        self.amountInvolved = amountInvolved
        self.orderNumber = orderNumber
        self.emotion = emotion
        self.attachments = attachments
        self.followUpExpectation = followUpExpectation
        self.source = source
    }

    /// Checks the customer id, an inbound channel, a description and the amount.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(customer.id, field: "customer.id")
        try Validation.inbound(channel, field: "channel")
        try Validation.text(description, field: "description")
        try Validation.money(amountInvolved, field: "amountInvolved")
    }
}

/// Tells the customer the complaint was received (003 §5.3, §6.1); stops the acknowledgement clock.
public struct AcknowledgeComplaint: CommandPayload {
    /// `AcknowledgeComplaint`.
    public static let name = CommandName.acknowledgeComplaint
    /// The channel used (inbound or outbound).
    public var channel: Channel
    /// What the customer was told.
    public var message: String?

    /// Creates the command.
    public init(channel: Channel, message: String? = nil) {
        self.channel = channel
        self.message = message
    }

    /// Any channel is allowed; a message, when given, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(message, field: "message")
    }
}

/// Records whether the complaint is genuine (003 §2.3, §3.1).
public struct VerifyAuthenticity: CommandPayload {
    /// `VerifyAuthenticity`.
    public static let name = CommandName.verifyAuthenticity
    /// The outcome of the check.
    public var outcome: AuthenticityOutcome
    /// Whether the complaint's information is complete.
    public var complete: Bool
    /// How it was verified (003 §3.1).
    public var methods: [VerificationMethod]

    /// Creates the command.
    public init(outcome: AuthenticityOutcome, complete: Bool, methods: [VerificationMethod]) {
        self.outcome = outcome
        self.complete = complete
        self.methods = methods
    }

    /// Nothing beyond the types (an empty method list is allowed).
    public func validate(policy: ServicePolicy) throws(WorkflowError) {}

    private enum CodingKeys: String, CodingKey {
        case outcome, complete, methods
    }

    /// Decodes the data; `methods` defaults to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try container.decode(AuthenticityOutcome.self, forKey: .outcome)
        complete = try container.decode(Bool.self, forKey: .complete)
        methods = try container.decodeIfPresent([VerificationMethod].self, forKey: .methods) ?? []
    }
}

/// Classifies the complaint (002 §6.1, 003 §2.3, 004 §4.1.1); re-classifying is allowed.
public struct ClassifyComplaint: CommandPayload {
    /// `ClassifyComplaint`.
    public static let name = CommandName.classifyComplaint
    /// The category (one of the policy's categories).
    public var category: Category
    /// The problem class; `complex` when not given.
    public var problemClass: ProblemClass?
    /// `internal` or `external`; the latest wins.
    public var source: ComplaintSource?
    /// Preliminary nature, free text.
    public var nature: String?

    /// Creates the command.
    public init(category: Category, problemClass: ProblemClass? = nil, source: ComplaintSource? = nil, nature: String? = nil) {
        self.category = category
        self.problemClass = problemClass
        self.source = source
        self.nature = nature
    }

    /// The category must be one of the policy's.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        guard policy.categories.contains(category) else {
            throw .invalid(
                "category",
                "'\(category.rawValue)' is not a category of policy \(policy.version); expected one of "
                    + policy.categories.map(\.rawValue).joined(separator: ", "))
        }
        try Validation.text(nature, field: "nature")
    }
}

/// The factors of a severity assessment (003 §3.2).
public struct SeverityFactors: Hashable, Sendable, Codable {
    /// The complaint involves legal or safety issues.
    public var legalOrSafety: Bool
    /// The complaint risks the company's reputation.
    public var reputationRisk: Bool
    /// The complaint is complex or hard to judge.
    public var complexOrHardToJudge: Bool
    /// Who or what is affected.
    public var impactScope: [ImpactScope]?

    /// Creates the factors.
    public init(legalOrSafety: Bool = false, reputationRisk: Bool = false, complexOrHardToJudge: Bool = false, impactScope: [ImpactScope]? = nil) {
        self.legalOrSafety = legalOrSafety
        self.reputationRisk = reputationRisk
        self.complexOrHardToJudge = complexOrHardToJudge
        self.impactScope = impactScope
    }

    private enum CodingKeys: String, CodingKey {
        case legalOrSafety, reputationRisk, complexOrHardToJudge, impactScope
    }

    /// Decodes the factors; a missing flag is `false`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        legalOrSafety = try container.decodeIfPresent(Bool.self, forKey: .legalOrSafety) ?? false
        reputationRisk = try container.decodeIfPresent(Bool.self, forKey: .reputationRisk) ?? false
        complexOrHardToJudge = try container.decodeIfPresent(Bool.self, forKey: .complexOrHardToJudge) ?? false
        impactScope = try container.decodeIfPresent([ImpactScope].self, forKey: .impactScope)
    }
}

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
