/// `ResolutionProposed`: the proposal's fields plus `requiredApprover` (none: straight to
/// `implementing`).
@dynamicMemberLookup
public struct ResolutionProposed: Hashable, Sendable, Codable {
    /// The proposal as commanded.
    public var proposal: ProposeResolution
    /// Who must approve it; `nil` when no approval is needed.
    public var requiredApprover: ResolutionApprover?

    /// Creates the event data.
    public init(proposal: ProposeResolution, requiredApprover: ResolutionApprover?) {
        self.proposal = proposal
        self.requiredApprover = requiredApprover
    }

    private enum CodingKeys: String, CodingKey {
        case requiredApprover
    }

    /// Decodes the proposal's fields and `requiredApprover` from one flat object.
    public init(from decoder: any Decoder) throws {
        proposal = try ProposeResolution(from: decoder)
        requiredApprover = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(ResolutionApprover.self, forKey: .requiredApprover)
    }

    /// Encodes the proposal's fields and `requiredApprover` as one flat object.
    public func encode(to encoder: any Encoder) throws {
        try proposal.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(requiredApprover, forKey: .requiredApprover)
    }

    /// The proposal's fields, under their command names.
    public subscript<Value>(dynamicMember keyPath: KeyPath<ProposeResolution, Value>) -> Value {
        proposal[keyPath: keyPath]
    }
}
