/// `ImprovementOpened`: OpenImprovement's fields, plus `objectives` when the cycle was opened
/// automatically as the next cycle of a `partial` or `ineffective` one (the previous cycle's
/// objectives; omitted when empty).
@dynamicMemberLookup
public struct ImprovementOpened: Hashable, Sendable, Codable {
    /// The opening as commanded (or as the evaluation built it).
    public var opening: OpenImprovement
    /// Objectives carried over from the previous cycle; empty for a cycle opened by hand.
    public var objectives: [SetObjective]

    /// Creates the event data.
    public init(opening: OpenImprovement, objectives: [SetObjective] = []) {
        self.opening = opening
        self.objectives = objectives
    }

    private enum CodingKeys: String, CodingKey {
        case objectives
    }

    /// Decodes the opening's fields and `objectives` from one flat object.
    public init(from decoder: any Decoder) throws {
        opening = try OpenImprovement(from: decoder)
        objectives = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([SetObjective].self, forKey: .objectives) ?? []
    }

    /// Encodes the opening's fields and, when there are any, `objectives` as one flat object.
    public func encode(to encoder: any Encoder) throws {
        try opening.encode(to: encoder)
        guard !objectives.isEmpty else { return }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(objectives, forKey: .objectives)
    }

    /// The opening's fields, under their command names.
    public subscript<Value>(dynamicMember keyPath: KeyPath<OpenImprovement, Value>) -> Value {
        opening[keyPath: keyPath]
    }
}
