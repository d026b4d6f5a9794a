import BinaryCoding
import ComplaintPolicy
import Foundation
import Yams

/// Builds the YAML nodes an exported scenario is written with.
enum YAMLNodes {
    static func string(_ text: String) -> Node {
        Node(text, Tag(.str), isPlainSafe(text) ? .plain : .doubleQuoted)
    }

    static func mapping(_ pairs: [(String, Node)], flow: Bool = false) -> Node {
        Node.mapping(Node.Mapping(pairs.map { (string($0.0), $0.1) }, Tag(.map), flow ? .flow : .block))
    }

    static func sequence(_ items: [Node], flow: Bool = false) -> Node {
        Node.sequence(Node.Sequence(items, Tag(.seq), flow ? .flow : .block))
    }

    static func time(_ date: Date) -> Node { Node(FixtureTime.format(date)) }

    /// A recorded value as YAML (flow style below the top).
    static func value(_ value: BinaryValue) -> Node {
        switch value {
        case .null: Node("null", Tag(.null))
        case .bool(let bool): Node(bool ? "true" : "false", Tag(.bool))
        case .int(let int): Node(String(int), Tag(.int))
        case .uint(let uint): Node(String(uint), Tag(.int))
        case .double(let double): Node(String(double), Tag(.float))
        case .string(let text): string(text)
        case .bytes(let bytes): string(bytes.map { String(format: "%02x", $0) }.joined())
        case .timestamp(let micros): time(Date(timeIntervalSince1970: Double(micros) / 1_000_000))
        case .array(let items): sequence(items.map { Self.value($0) }, flow: true)
        case .map(let fields): mapping(fields.keys.sorted().map { ($0, Self.value(fields[$0]!)) }, flow: true)
        }
    }

    /// A policy document as YAML.
    static func policy(_ value: PolicyValue) -> Node {
        switch value {
        case .null: Node("null", Tag(.null))
        case .bool(let bool): Node(bool ? "true" : "false", Tag(.bool))
        case .integer(let int): Node(String(int), Tag(.int))
        case .number(let double): Node(String(double), Tag(.float))
        case .string(let text): string(text)
        case .list(let items): sequence(items.map(policy), flow: true)
        case .map(let fields): mapping(fields.keys.sorted().map { ($0, policy(fields[$0]!)) })
        }
    }

    /// Whether `text` reads back as the same string when written plain.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first) else { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        guard !reserved.contains(text.lowercased()) else { return false }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./ "))
        return text.unicodeScalars.allSatisfy { allowed.contains($0) } && !text.hasSuffix(" ")
    }
}
