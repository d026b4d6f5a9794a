import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import Yams

/// Reads one step of `given` or `when`.
struct StepReading {
    let file: String

    static let commandKeys: Set<String> = [
        "command", "stream", "actor", "data", "expectedVersion", "commandId", "expect", "correlationId", "causationId",
    ]

    func step(_ node: Node, label: String) throws(FixtureError) -> ScenarioStep {
        let step = try MappingReader(node, file: file, context: "step \(label)")
        let action: ScenarioStep.Action
        if step["command"] != nil {
            action = .command(try command(step, label: label))
        } else if let advance = step["advance"] {
            try step.onlyKeys(["advance"])
            let text = try advance.scalarString(file: file, what: "\(label).advance")
            do {
                action = .advance(seconds: try DurationText.parse(text))
            } catch {
                throw FixtureError(
                    .badDuration, file: file, line: advance.line,
                    "bad duration '\(text)' in \(label): write 90m, 3h, 2d, 1h30m or ISO 8601 (PT3H, P2D)")
            }
        } else if step["until"] != nil {
            try step.onlyKeys(["until"])
            action = .until(try step.required("until").instant(file: file, what: "\(label).until"))
        } else if step["restart"] != nil {
            try step.onlyKeys(["restart"])
            guard try step.bool("restart") == true else {
                throw FixtureError(.badValue, file: file, line: step.line, "\(label): write 'restart: true'")
            }
            action = .restart
        } else if step["rebuild"] != nil {
            try step.onlyKeys(["rebuild"])
            guard try step.bool("rebuild") == true else {
                throw FixtureError(.badValue, file: file, line: step.line, "\(label): write 'rebuild: true'")
            }
            action = .rebuild
        } else {
            let first = step.keys.first.map { "'\($0)'" } ?? "nothing"
            throw FixtureError(
                .unknownField, file: file, line: step.line,
                "\(label) is no step: found \(first); a step is command, advance, until, restart or rebuild")
        }
        return ScenarioStep(action: action, line: step.line, label: label)
    }

    private func command(_ step: MappingReader, label: String) throws(FixtureError) -> CommandStep {
        try step.onlyKeys(Self.commandKeys)
        let nameNode = try step.required("command")
        let nameText = try nameNode.scalarString(file: file, what: "\(label).command")
        guard let name = CommandName(rawValue: nameText) else {
            throw FixtureError(.unknownCommand, file: file, line: nameNode.line, "unknown command '\(nameText)' in \(label)")
        }
        guard let stream = try step.string("stream") else {
            throw FixtureError(.missingStream, file: file, line: step.line, "\(label) (\(nameText)) needs 'stream'")
        }
        guard let actorNode = step["actor"] else {
            throw FixtureError(.missingKey, file: file, line: step.line, "\(label) (\(nameText)) needs 'actor'")
        }
        let actor = try ActorReading.actor(actorNode, file: file, what: "\(label).actor")
        let command = try CommandDataReading(file: file).command(name, data: step["data"], line: step.line, label: label)
        var expectedError: String?
        if let expect = step["expect"] {
            let reader = try MappingReader(expect, file: file, context: "\(label).expect")
            try reader.onlyKeys(["error"])
            let code = try reader.requiredString("error")
            guard WorkflowError.Code.allCases.map(\.rawValue).contains(code) || ["storeBusy", "storageFull", "storageCorrupted"].contains(code) else {
                throw FixtureError(.badValue, file: file, line: expect.line, "\(label).expect.error: '\(code)' is no error code of DOMAIN.md §9")
            }
            expectedError = code
        }
        return CommandStep(
            name: name, stream: stream, actor: actor, command: command, expectedVersion: try step.int("expectedVersion"),
            commandId: try step.string("commandId"), expectedError: expectedError)
    }
}

/// Actors as fixtures write them: `"id/role"`, `"id"` (expectations only) or `{id, role}`.
enum ActorReading {
    static func actor(_ node: Node, file: String, what: String) throws(FixtureError) -> Actor {
        let (id, roleText) = try parts(node, file: file, what: what)
        guard let roleText else {
            throw FixtureError(.badValue, file: file, line: node.line, "\(what) needs a role: write 'id/role' or {id, role}")
        }
        guard let role = Role(rawValue: roleText) else {
            throw FixtureError(.badValue, file: file, line: node.line, "\(what): unknown role '\(roleText)'")
        }
        return Actor(id: id, role: role)
    }

    static func parts(_ node: Node, file: String, what: String) throws(FixtureError) -> (id: String, role: String?) {
        if case .mapping = node {
            let reader = try MappingReader(node, file: file, context: what)
            try reader.onlyKeys(["id", "role"])
            return (try reader.requiredString("id"), try reader.string("role"))
        }
        let text = try node.scalarString(file: file, what: what)
        guard let slash = text.lastIndex(of: "/") else { return (text, nil) }
        return (String(text[..<slash]), String(text[text.index(after: slash)...]))
    }
}
