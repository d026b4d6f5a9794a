import Yams

extension PolicyValue {
    /// Parses one YAML document into a value.
    ///
    /// Anchors and aliases are resolved; mapping keys must be scalars. An empty document is ``null``.
    ///
    /// - Throws: ``PolicyValidationError`` with an empty field path and the parser's reason
    ///   (with line and column) for malformed YAML or a non-scalar mapping key.
    public init(yaml: String) throws(PolicyValidationError) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw PolicyValidationError(field: "", reason: "malformed YAML: \(error)")
        }
        guard let node else {
            self = .null
            return
        }
        self = try PolicyValue(node: node, path: "")
    }

    private init(node: Node, path: String) throws(PolicyValidationError) {
        switch node {
        case .scalar(let scalar):
            self = PolicyValue(scalar: scalar)
        case .sequence(let sequence):
            var items: [PolicyValue] = []
            for (index, item) in sequence.enumerated() {
                items.append(try PolicyValue(node: item, path: "\(path)[\(index)]"))
            }
            self = .list(items)
        case .mapping(let mapping):
            var entries: [String: PolicyValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw PolicyValidationError(field: path, reason: "mapping keys must be scalars")
                }
                let childPath = path.isEmpty ? keyScalar.string : "\(path).\(keyScalar.string)"
                guard entries[keyScalar.string] == nil else {
                    throw PolicyValidationError(field: childPath, reason: "key appears twice")
                }
                entries[keyScalar.string] = try PolicyValue(node: value, path: childPath)
            }
            self = .map(entries)
        }
    }

    private init(scalar: Node.Scalar) {
        let text = scalar.string
        guard scalar.style == .plain else {
            self = .string(text)
            return
        }
        switch Node.scalar(scalar).tag.description {
        case Tag.Name.null.rawValue:
            self = .null
        case Tag.Name.bool.rawValue:
            self = Bool.construct(from: scalar).map(PolicyValue.bool) ?? .string(text)
        case Tag.Name.int.rawValue where !text.contains(":"):
            self = Int.construct(from: scalar).map { PolicyValue.integer(Int64($0)) } ?? .string(text)
        case Tag.Name.float.rawValue where !text.contains(":"):
            if let value = Double.construct(from: scalar), value.isFinite {
                self = .number(value)
            } else {
                self = .string(text)
            }
        default:
            self = .string(text)
        }
    }
}
