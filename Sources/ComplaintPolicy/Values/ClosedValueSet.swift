/// A closed set of lowerCamelCase names from the domain contract (DOMAIN.md §1).
///
/// Conforming enums get a strict ``parse(_:)`` and a `Codable` implementation that refuses any raw
/// value outside the set with a ``PolicyValueError`` naming the set and the bad value. They are also
/// `CodingKeyRepresentable`, so a dictionary keyed by one encodes as an object keyed by the names
/// (and, in the binary encoding, in sorted key order) rather than as a list in hash order.
public protocol ClosedValueSet: RawRepresentable, CaseIterable, Codable, CodingKeyRepresentable, Hashable, Sendable
where RawValue == String, AllCases: Sendable {
    /// The name of the value set used in error messages, e.g. `channel`.
    static var valueSetName: String { get }
}

extension ClosedValueSet {
    /// Parses `raw` as a member of the set.
    ///
    /// - Throws: ``PolicyValueError`` naming the set, the bad value and the accepted values.
    public static func parse(_ raw: String) throws(PolicyValueError) -> Self {
        guard let value = Self(rawValue: raw) else {
            throw PolicyValueError.unknownValue(raw, in: valueSetName, expected: allCases.map(\.rawValue))
        }
        return value
    }

    /// Decodes a single string and refuses anything outside the set.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do {
            self = try Self.parse(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the raw value as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
