import ComplaintWorkflow
import Foundation
import Yams

/// Decodes a command step's `data` with the workflow's own decoders, and refuses fields the
/// command does not have (the decoders alone would ignore them).
struct CommandDataReading {
    let file: String

    func command(_ name: CommandName, data: Node?, line: Int, label: String) throws(FixtureError) -> WorkflowCommand {
        let node = data ?? Node.mapping([:])
        if data != nil, case .mapping = node {} else if data != nil {
            throw FixtureError(.badValue, file: file, line: node.line, "\(label).data must be a mapping")
        }
        let command: WorkflowCommand
        do {
            let yaml = try Yams.serialize(node: node)
            command = try YAMLDecoder().decode(CommandBox.self, from: yaml, userInfo: [CommandBox.nameKey: name]).command
        } catch let error as DecodingError {
            let (path, reason) = Self.describe(error)
            let at = Self.node(at: path, in: node) ?? node
            let field = path.map(\.stringValue).joined(separator: ".")
            throw FixtureError(
                .badValue, file: file, line: at.line == 0 ? line : at.line,
                "\(label) \(name.rawValue) data\(field.isEmpty ? "" : ".\(field)"): \(reason)")
        } catch {
            throw FixtureError(.badValue, file: file, line: node.line, "\(label) \(name.rawValue) data: \(error)")
        }
        try refuseUnknownFields(node, known: Self.encodedData(command), path: "", label: label, name: name)
        return command
    }

    /// The command's data as the workflow encodes it (JSON object tree).
    static func encodedData(_ command: WorkflowCommand) -> Any {
        guard let data = try? JSONEncoder().encode(DataBox(command: command)),
              let object = try? JSONSerialization.jsonObject(with: data) else { return [String: Any]() }
        return object
    }

    private func refuseUnknownFields(_ node: Node, known: Any, path: String, label: String, name: CommandName) throws(FixtureError) {
        switch node {
        case .mapping(let mapping):
            let knownMap = known as? [String: Any] ?? [:]
            for (key, value) in mapping {
                let keyText = key.string ?? ""
                guard let child = knownMap[keyText] else {
                    if value.null != nil { continue }
                    throw FixtureError(
                        .unknownField, file: file, line: key.line,
                        "unknown field '\(path)\(keyText)' in \(label) data: \(name.rawValue) has no such field")
                }
                try refuseUnknownFields(value, known: child, path: "\(path)\(keyText).", label: label, name: name)
            }
        case .sequence(let items):
            let knownItems = known as? [Any] ?? []
            for (index, item) in items.enumerated() where index < knownItems.count {
                try refuseUnknownFields(item, known: knownItems[index], path: "\(path)\(index).", label: label, name: name)
            }
        case .scalar:
            break
        }
    }

    static func describe(_ error: DecodingError) -> (path: [any CodingKey], reason: String) {
        switch error {
        case .keyNotFound(let key, let context):
            (context.codingPath, "missing field '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (context.codingPath, context.debugDescription)
        @unknown default:
            ([], "\(error)")
        }
    }

    /// The node a coding path leads to, as far as it goes.
    static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            if let index = key.intValue, case .sequence(let items) = current, index < items.count {
                current = items[index]
            } else if case .mapping = current, let child = current[key.stringValue] {
                current = child
            } else {
                return current
            }
        }
        return current
    }
}

/// Decodes a command's data given its name (through the decoder's user info).
private struct CommandBox: Decodable {
    static let nameKey = CodingUserInfoKey(rawValue: "commandName")!
    let command: WorkflowCommand

    init(from decoder: any Decoder) throws {
        guard let name = decoder.userInfo[Self.nameKey] as? CommandName else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no command name"))
        }
        command = try WorkflowCommand(name: name, from: decoder)
    }
}

/// Encodes a command's data as one flat object.
struct DataBox: Encodable {
    let command: WorkflowCommand
    func encode(to encoder: any Encoder) throws { try command.encodeData(to: encoder) }
}
