import Foundation

/// Encodes `Encodable` values into the compact binary form of ``BinaryValue``.
///
/// Fields are written under their coding keys, so adding an optional field or dropping one is a
/// compatible change: old bytes decode into new types (missing optionals are `nil`) and unknown
/// fields are ignored. `Date` is written as whole microseconds since 1970, `Data` and `[UInt8]` as
/// raw bytes.
public struct BinaryEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Encodes `value` as a document (marker byte and value).
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encodeValue(value).encoded
    }

    /// Encodes `value` into the value tree.
    public func encodeValue<T: Encodable>(_ value: T) throws -> BinaryValue {
        if let direct = Self.special(value) { return direct }
        let node = Node()
        try value.encode(to: TreeEncoder(node: node, codingPath: []))
        return node.resolve()
    }

    /// Values written directly rather than through their own `Encodable` conformance.
    /// Decided by the static type (an empty `[Int]` would otherwise cast to `[UInt8]`).
    static func special<T: Encodable>(_ value: T) -> BinaryValue? {
        if T.self == Date.self, let date = value as? Date {
            return .timestamp(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        }
        if T.self == Data.self, let data = value as? Data { return .bytes(Array(data)) }
        if T.self == [UInt8].self, let bytes = value as? [UInt8] { return .bytes(bytes) }
        return nil
    }
}

/// A value under construction: containers hand out child nodes that are filled in later.
final class Node {
    enum Content {
        case empty
        case value(BinaryValue)
        case map([String: Node])
        case array([Node])
    }

    var content: Content = .empty

    init() {}
    init(_ value: BinaryValue) { content = .value(value) }

    func resolve() -> BinaryValue {
        switch content {
        case .empty: .null
        case .value(let value): value
        case .map(let fields): .map(fields.mapValues { $0.resolve() })
        case .array(let items): .array(items.map { $0.resolve() })
        }
    }

    // Both take the collection out of `content` before changing it, so it is uniquely referenced
    // and grows in place instead of being copied for every field.

    func child(forKey key: String) -> Node {
        let child = Node()
        if case .map(var fields) = content {
            content = .empty
            fields[key] = child
            content = .map(fields)
        } else {
            content = .map([key: child])
        }
        return child
    }

    func appendChild() -> Node {
        let child = Node()
        if case .array(var items) = content {
            content = .empty
            items.append(child)
            content = .array(items)
        } else {
            content = .array([child])
        }
        return child
    }
}

struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map = node.content {} else { node.content = .map([:]) }
        return KeyedEncodingContainer(KeyedWriter<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedWriter(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleWriter(node: node, codingPath: codingPath)
    }
}

/// Encodes one value into `node`: primitives directly, everything else through a nested encoder.
func encode<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    if let direct = BinaryEncoder.special(value) {
        node.content = .value(direct)
    } else {
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}

struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.null) }
    func encode(_ value: Bool, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.bool(value)) }
    func encode(_ value: String, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.string(value)) }
    func encode(_ value: Double, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.double(value)) }
    func encode(_ value: Float, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.double(Double(value))) }
    func encode(_ value: Int, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.int(Int64(value))) }
    func encode(_ value: Int64, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.int(value)) }
    func encode(_ value: UInt64, forKey key: Key) throws { node.child(forKey: key.stringValue).content = .value(.uint(value)) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try BinaryCoding.encode(value, into: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedWriter: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let items) = node.content { items.count } else { 0 }
    }

    mutating func encodeNil() throws { node.appendChild().content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.appendChild().content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.appendChild().content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.appendChild().content = .value(.double(value)) }
    mutating func encode(_ value: Int) throws { node.appendChild().content = .value(.int(Int64(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try BinaryCoding.encode(value, into: node.appendChild(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.appendChild(), codingPath: codingPath)
    }
}

struct SingleWriter: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.content = .value(.double(value)) }
    mutating func encode(_ value: Float) throws { node.content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.content = .value(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { node.content = .value(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { node.content = .value(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { node.content = .value(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { node.content = .value(.int(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .value(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { node.content = .value(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { node.content = .value(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { node.content = .value(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { node.content = .value(.uint(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try BinaryCoding.encode(value, into: node, codingPath: codingPath)
    }
}
