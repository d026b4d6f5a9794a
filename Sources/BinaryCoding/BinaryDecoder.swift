import Foundation

/// Decodes `Decodable` values from the binary form written by ``BinaryEncoder``.
///
/// Unknown fields are ignored and missing optional fields decode as `nil`, so a type may gain
/// optional fields without breaking old bytes. Integers decode into any integer type they fit.
public struct BinaryDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a document (marker byte and value).
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(type, from: BinaryValue(decoding: bytes))
    }

    /// Decodes from a value tree (for instance after an upcaster reshaped it).
    public func decode<T: Decodable>(_ type: T.Type, from value: BinaryValue) throws -> T {
        try decodeValue(type, from: value, codingPath: [])
    }

    /// A `Decoder` over a value tree, for initialisers that take one (`init(from:)` variants that
    /// need more than the type to decide what to build).
    public func decoder(for value: BinaryValue) -> any Decoder {
        TreeDecoder(value: value, codingPath: [])
    }
}

func decodeValue<T: Decodable>(_ type: T.Type, from value: BinaryValue, codingPath: [any CodingKey]) throws -> T {
    // Metatype identity, not `is` casts: this runs for every nested value.
    if T.self == Date.self {
        guard case .timestamp(let micros) = value else { throw mismatch(type, value, codingPath) }
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000) as! T
    }
    if T.self == Data.self {
        guard case .bytes(let bytes) = value else { throw mismatch(type, value, codingPath) }
        return Data(bytes) as! T
    }
    if T.self == [UInt8].self {
        guard case .bytes(let bytes) = value else { throw mismatch(type, value, codingPath) }
        return bytes as! T
    }
    return try T(from: TreeDecoder(value: value, codingPath: codingPath))
}

func mismatch(_ type: Any.Type, _ value: BinaryValue, _ codingPath: [any CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(value)"))
}

struct TreeDecoder: Decoder {
    let value: BinaryValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .map(let fields) = value else { throw mismatch([String: Any].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedReader<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self, value, codingPath) }
        return UnkeyedReader(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleReader(value: value, codingPath: codingPath)
    }
}

/// Reads primitives out of a value, converting integers between widths with a range check.
protocol PrimitiveReading {
    var codingPath: [any CodingKey] { get }
}

extension PrimitiveReading {
    func bool(_ value: BinaryValue) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, value, codingPath) }
        return flag
    }

    func string(_ value: BinaryValue) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, value, codingPath) }
        return text
    }

    func double(_ value: BinaryValue) throws -> Double {
        switch value {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case .uint(let number): return Double(number)
        default: throw mismatch(Double.self, value, codingPath)
        }
    }

    func integer<I: FixedWidthInteger>(_ value: BinaryValue, as type: I.Type = I.self) throws -> I {
        let converted: I?
        switch value {
        case .int(let number): converted = I(exactly: number)
        case .uint(let number): converted = I(exactly: number)
        default: throw mismatch(I.self, value, codingPath)
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(value) does not fit \(I.self)"))
        }
        return converted
    }
}

struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol, PrimitiveReading {
    let fields: [String: BinaryValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    func field(_ key: Key) throws -> BinaryValue {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no field \(key.stringValue)"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try field(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try bool(field(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try string(field(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try double(field(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try double(field(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(field(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(field(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(field(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(field(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(field(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(field(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(field(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(field(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(field(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(field(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(type, from: field(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: field(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: field(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: fields["super"] ?? .null, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: fields[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

struct UnkeyedReader: UnkeyedDecodingContainer, PrimitiveReading {
    let items: [BinaryValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [BinaryValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next<T>(_ type: T.Type) throws -> BinaryValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "the list has only \(items.count) items"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try bool(next(type)) }
    mutating func decode(_ type: String.Type) throws -> String { try string(next(type)) }
    mutating func decode(_ type: Double.Type) throws -> Double { try double(next(type)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(next(type)) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(next(type)) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(next(type)) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, from: next(type), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(value: next([String: Any].self), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: next([Any].self), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        TreeDecoder(value: try next(Any.self), codingPath: codingPath)
    }
}

struct SingleReader: SingleValueDecodingContainer, PrimitiveReading {
    let value: BinaryValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(value) }
    func decode(_ type: String.Type) throws -> String { try string(value) }
    func decode(_ type: Double.Type) throws -> Double { try double(value) }
    func decode(_ type: Float.Type) throws -> Float { Float(try double(value)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(value) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(value) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(value) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(value) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(value) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(value) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(value) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(value) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(value) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(value) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeValue(type, from: value, codingPath: codingPath)
    }
}
