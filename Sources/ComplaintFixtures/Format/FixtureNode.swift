import Yams

/// A YAML value of a fixture as the checks compare it: scalars keep their text and resolved kind,
/// every node keeps its line.
public struct FixtureNode: Sendable {
    /// The resolved kind of a scalar (YAML 1.1 core resolution; quoted scalars are strings).
    public enum ScalarKind: Sendable {
        /// A string, an integer, a number, a Boolean, `null` or a YAML timestamp.
        case string, int, float, bool, null, timestamp
    }

    /// A scalar, a sequence or a mapping (keys in written order).
    public enum Content: Sendable {
        case scalar(String, ScalarKind)
        case sequence([FixtureNode])
        case mapping([(key: String, value: FixtureNode)])
    }

    /// The value.
    public var content: Content
    /// The 1-based line it starts on.
    public var line: Int

    /// Converts a composed Yams node.
    init(_ node: Node) {
        line = node.mark?.line ?? 0
        switch node {
        case .scalar(let scalar):
            let kind: ScalarKind = switch node.tag.description {
            case Tag.Name.null.rawValue: .null
            case Tag.Name.bool.rawValue: .bool
            case Tag.Name.int.rawValue: .int
            case Tag.Name.float.rawValue: .float
            case Tag.Name.timestamp.rawValue: .timestamp
            default: .string
            }
            content = .scalar(scalar.string, kind)
        case .sequence(let sequence):
            content = .sequence(sequence.map(FixtureNode.init))
        case .mapping(let mapping):
            content = .mapping(mapping.map { (key: $0.key.string ?? "\($0.key)", value: FixtureNode($0.value)) })
        }
    }

    /// The scalar's text, or `nil` for a sequence or mapping.
    var scalarText: String? {
        if case .scalar(let text, _) = content { text } else { nil }
    }

    /// Whether the node is `null` (`~`, `null`, or nothing).
    var isNull: Bool {
        if case .scalar(_, .null) = content { true } else { false }
    }

    /// The value in YAML flow style, as reports show it.
    public var flowText: String {
        switch content {
        case .scalar(let text, let kind):
            kind == .null ? "null" : (kind == .string && text.isEmpty ? "\"\"" : text)
        case .sequence(let items):
            "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries):
            "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }
}
