extension ServicePolicy: Codable {
    /// Decodes any document shape accepted by ``load(document:)``.
    public init(from decoder: any Decoder) throws {
        let document = try PolicyValue(from: decoder)
        self = try ServicePolicy.load(document: document)
    }

    /// Encodes the full ``document``.
    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
    }
}
