import BinaryCoding
import Foundation

/// Compares an expected fixture value with a recorded one: mappings by their listed keys only
/// (recursively), lists element by element and in full, scalars by value (times as instants,
/// numbers as numbers).
enum ValueMatching {
    /// The differences, each `path: expected X, found Y`; empty when the values match.
    static func differences(expected: FixtureNode, actual: BinaryValue?, path: String) -> [String] {
        switch expected.content {
        case .mapping(let entries):
            guard case .map(let fields)? = actual else {
                return ["\(path): expected \(expected.flowText), found \(render(actual))"]
            }
            return entries.flatMap { entry in
                differences(expected: entry.value, actual: fields[entry.key], path: path.isEmpty ? entry.key : "\(path).\(entry.key)")
            }
        case .sequence(let items):
            guard case .array(let values)? = actual else {
                return ["\(path): expected \(expected.flowText), found \(render(actual))"]
            }
            guard items.count == values.count else {
                return ["\(path): expected \(items.count) items \(expected.flowText), found \(values.count) \(render(actual))"]
            }
            return zip(items, values).enumerated().flatMap { index, pair in
                differences(expected: pair.0, actual: pair.1, path: "\(path)[\(index)]")
            }
        case .scalar(let text, let kind):
            return scalarMatches(text, kind, actual) ? [] : ["\(path): expected \(expected.flowText), found \(render(actual))"]
        }
    }

    static func scalarMatches(_ text: String, _ kind: FixtureNode.ScalarKind, _ actual: BinaryValue?) -> Bool {
        guard let actual else { return kind == .null }
        switch actual {
        case .null:
            return kind == .null
        case .bool(let value):
            let lower = text.lowercased()
            let expected: Bool? = ["true", "yes", "on"].contains(lower) ? true : (["false", "no", "off"].contains(lower) ? false : nil)
            return expected == value
        case .int(let value):
            return number(text).map { $0 == Double(value) } ?? false
        case .uint(let value):
            return number(text).map { $0 == Double(value) } ?? false
        case .double(let value):
            return number(text).map { abs($0 - value) <= 1e-9 } ?? false
        case .string(let value):
            if value == text { return true }
            if let expected = FixtureTime.parse(text), let found = FixtureTime.parse(value) { return expected == found }
            return false
        case .timestamp(let micros):
            guard let expected = FixtureTime.parse(text) else { return false }
            return Int64((expected.timeIntervalSince1970 * 1_000_000).rounded()) == micros
        case .bytes, .array, .map:
            return false
        }
    }

    private static func number(_ text: String) -> Double? { Double(text) }

    /// A recorded value in YAML flow style.
    static func render(_ value: BinaryValue?) -> String {
        guard let value else { return "nothing" }
        switch value {
        case .null: return "null"
        case .bool(let bool): return "\(bool)"
        case .int(let int): return "\(int)"
        case .uint(let uint): return "\(uint)"
        case .double(let double): return "\(double)"
        case .string(let string): return string.isEmpty ? "\"\"" : string
        case .bytes(let bytes): return "<\(bytes.count) bytes>"
        case .timestamp(let micros): return FixtureTime.format(Date(timeIntervalSince1970: Double(micros) / 1_000_000))
        case .array(let items): return "[" + items.map { render($0) }.joined(separator: ", ") + "]"
        case .map(let fields):
            return "{" + fields.keys.sorted().map { "\($0): \(render(fields[$0]))" }.joined(separator: ", ") + "}"
        }
    }
}
