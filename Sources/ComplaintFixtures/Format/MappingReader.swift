import Yams

/// Reads the keys of one YAML mapping, remembering which were read so the rest can be reported as
/// unknown fields, and turns every problem into a ``FixtureError`` with the line.
struct MappingReader {
    let node: Node
    let file: String
    let context: String
    private let entries: [(key: String, value: Node)]

    init(_ node: Node, file: String, context: String) throws(FixtureError) {
        guard case .mapping(let mapping) = node else {
            throw FixtureError(.badValue, file: file, line: node.line, "\(context) must be a mapping, found \(node.kindName)")
        }
        self.node = node
        self.file = file
        self.context = context
        entries = mapping.map { (key: $0.key.string ?? "", value: $0.value) }
    }

    var line: Int { node.line }
    var keys: [String] { entries.map(\.key) }

    subscript(key: String) -> Node? { entries.first { $0.key == key }?.value }

    /// Refuses any key outside `known`.
    func onlyKeys(_ known: Set<String>) throws(FixtureError) {
        for entry in entries where !known.contains(entry.key) {
            throw FixtureError(
                .unknownField, file: file, line: entry.value.line,
                "unknown field '\(entry.key)' in \(context) (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    func required(_ key: String, kind: FixtureError.Kind = .missingKey) throws(FixtureError) -> Node {
        guard let value = self[key] else {
            throw FixtureError(kind, file: file, line: line, "\(context) needs '\(key)'")
        }
        return value
    }

    func string(_ key: String) throws(FixtureError) -> String? {
        guard let value = self[key] else { return nil }
        return try value.scalarString(file: file, what: "\(context).\(key)")
    }

    func requiredString(_ key: String, kind: FixtureError.Kind = .missingKey) throws(FixtureError) -> String {
        try required(key, kind: kind).scalarString(file: file, what: "\(context).\(key)")
    }

    func int(_ key: String) throws(FixtureError) -> Int? {
        guard let value = self[key] else { return nil }
        guard let int = value.int else {
            throw FixtureError(.badValue, file: file, line: value.line, "\(context).\(key) must be an integer")
        }
        return int
    }

    func date(_ key: String) throws(FixtureError) -> Date? {
        guard let value = self[key] else { return nil }
        return try value.instant(file: file, what: "\(context).\(key)")
    }

    func bool(_ key: String) throws(FixtureError) -> Bool? {
        guard let value = self[key] else { return nil }
        guard let bool = value.bool else {
            throw FixtureError(.badValue, file: file, line: value.line, "\(context).\(key) must be true or false")
        }
        return bool
    }

    /// The entries in written order.
    var pairs: [(key: String, value: Node)] { entries }
}

import Foundation

extension Node {
    /// The 1-based line of the node (0 when unknown).
    var line: Int { mark?.line ?? 0 }

    var kindName: String {
        switch self {
        case .scalar: "a scalar"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    func scalarString(file: String, what: String) throws(FixtureError) -> String {
        guard case .scalar(let scalar) = self else {
            throw FixtureError(.badValue, file: file, line: line, "\(what) must be a scalar, found \(kindName)")
        }
        return scalar.string
    }

    func list(file: String, what: String) throws(FixtureError) -> [Node] {
        guard case .sequence(let sequence) = self else {
            throw FixtureError(.badValue, file: file, line: line, "\(what) must be a list, found \(kindName)")
        }
        return Array(sequence)
    }

    func instant(file: String, what: String) throws(FixtureError) -> Date {
        let text = try scalarString(file: file, what: what)
        guard let date = FixtureTime.parse(text) else {
            throw FixtureError(.badValue, file: file, line: line, "\(what) is not an ISO 8601 timestamp with a time zone: '\(text)'")
        }
        return date
    }
}
