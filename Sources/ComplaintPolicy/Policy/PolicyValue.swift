/// A YAML- or JSON-shaped value: the input of policy documents and overrides.
///
/// It keeps parsers out of the public API: hosts build it from YAML text (``init(yaml:)``), JSON
/// bytes (`Codable`), or literals. Mapping keys are strings. Plain YAML scalars are typed by Yams'
/// default resolver (YAML 1.1 style, so `yes`/`no`/`on`/`off` are Booleans), except that a scalar
/// that looks like a sexagesimal number or a timestamp (`18:00`, `2026-10-01`) stays a string;
/// quoted scalars are always strings.
public enum PolicyValue: Hashable, Sendable {
    /// `null` or `~`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int64)
    /// A number with a fraction or exponent.
    case number(Double)
    /// A string.
    case string(String)
    /// A sequence.
    case list([PolicyValue])
    /// A mapping with string keys.
    case map([String: PolicyValue])

    /// The value's kind in error messages: `null`, `bool`, `integer`, `number`, `string`, `list`, `map`.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        }
    }
}

extension PolicyValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A Boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal.
    public init(arrayLiteral elements: PolicyValue...) { self = .list(elements) }
    /// A dictionary literal; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, PolicyValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension PolicyValue: Codable {
    /// Decodes any JSON value: Booleans, whole numbers as ``integer(_:)``, other numbers as
    /// ``number(_:)``, strings, arrays and objects.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PolicyValue].self) {
            self = .list(value)
        } else {
            self = .map(try container.decode([String: PolicyValue].self))
        }
    }

    /// Encodes the value as the matching JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        }
    }
}
