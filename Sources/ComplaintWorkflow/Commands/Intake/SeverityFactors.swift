public import ComplaintPolicy

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
