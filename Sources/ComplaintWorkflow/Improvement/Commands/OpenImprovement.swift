public import ComplaintPolicy

/// Opens an improvement (PDCA) cycle in a new stream (DOMAIN.md §7; 001 §5.1, QK §2.3.2, §2.5).
public struct OpenImprovement: CommandPayload {
    /// `OpenImprovement`.
    public static let name = CommandName.openImprovement
    /// What opened the cycle.
    public var trigger: ImprovementTrigger
    /// The complaint ids the cycle is based on (may be empty, e.g. for `manual`).
    public var evidence: [String]
    /// The suggestion (stream `improvement-suggestions`) the cycle takes up, if any.
    public var suggestionId: String?
    /// The problem (001 §5.1 問題描述).
    public var problem: String
    /// What the problem affects (001 §5.1 影響範圍).
    public var impactScope: [ImpactScope]
    /// The cycle's owner (actor id; 001 §5.1 責任人).
    public var owner: String
    /// The cycle this one continues, if any.
    public var previousCycleId: String?

    /// Creates the command.
    public init(
        trigger: ImprovementTrigger, evidence: [String] = [], suggestionId: String? = nil, problem: String,
        impactScope: [ImpactScope] = [], owner: String, previousCycleId: String? = nil
    ) {
        self.trigger = trigger
        self.evidence = evidence
        self.suggestionId = suggestionId
        self.problem = problem
        self.impactScope = impactScope
        self.owner = owner
        self.previousCycleId = previousCycleId
    }

    private enum CodingKeys: String, CodingKey {
        case trigger, evidence, suggestionId, problem, impactScope, owner, previousCycleId
    }

    /// Decodes the flat data; `evidence` and `impactScope` default to empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trigger = try container.decode(ImprovementTrigger.self, forKey: .trigger)
        evidence = try container.decodeIfPresent([String].self, forKey: .evidence) ?? []
        suggestionId = try container.decodeIfPresent(String.self, forKey: .suggestionId)
        problem = try container.decode(String.self, forKey: .problem)
        impactScope = try container.decodeIfPresent([ImpactScope].self, forKey: .impactScope) ?? []
        owner = try container.decode(String.self, forKey: .owner)
        previousCycleId = try container.decodeIfPresent(String.self, forKey: .previousCycleId)
    }

    /// Ids are ids; the problem is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.identifiers(evidence, field: "evidence")
        try Identifier.validate(suggestionId, field: "suggestionId")
        try Validation.text(problem, field: "problem")
        try Identifier.validate(owner, field: "owner")
        try Identifier.validate(previousCycleId, field: "previousCycleId")
    }
}
