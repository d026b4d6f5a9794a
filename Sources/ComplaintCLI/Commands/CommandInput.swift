import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import ComplaintEngine
import EventLog

/// A command as `submit` reads it: shaped like a fixture step,
/// `{command, stream, actor, data, commandId?, expectedVersion?, correlationId?, causationId?}`,
/// with `actor` written `"id/role"` or `{id, role}`. Instants are ISO 8601.
struct CommandInput: Decodable {
    var envelope: CommandEnvelope

    private enum Keys: String, CodingKey {
        case command, stream, actor, data, commandId, expectedVersion, correlationId, causationId
    }

    private struct ActorObject: Decodable {
        var id: String
        var role: String
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let nameText = try container.decode(String.self, forKey: .command)
        guard let name = CommandName(rawValue: nameText) else {
            throw CLIError("input", "unknown command '\(nameText)'; commands: \(CommandName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let actor: Actor
        if let text = try? container.decode(String.self, forKey: .actor) {
            let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CLIError("input", "actor '\(text)' must be written id/role") }
            actor = try Self.actor(id: parts[0], role: parts[1])
        } else {
            let object = try container.decode(ActorObject.self, forKey: .actor)
            actor = try Self.actor(id: object.id, role: object.role)
        }
        let command: WorkflowCommand
        if container.contains(.data) {
            command = try WorkflowCommand(name: name, from: try container.superDecoder(forKey: .data))
        } else {
            command = try WorkflowCommand(name: name, from: EmptyObjectDecoder.decoder())
        }
        envelope = CommandEnvelope(
            commandId: try container.decodeIfPresent(String.self, forKey: .commandId) ?? "cli-\(UUID().uuidString.lowercased())",
            streamId: try container.decode(String.self, forKey: .stream), actor: actor,
            expectedVersion: try container.decodeIfPresent(Int.self, forKey: .expectedVersion),
            correlationId: try container.decodeIfPresent(String.self, forKey: .correlationId),
            causationId: try container.decodeIfPresent(String.self, forKey: .causationId), command: command)
    }

    private static func actor(id: String, role: String) throws -> Actor {
        guard let parsed = Role(rawValue: role) else {
            throw CLIError("input", "unknown role '\(role)'; roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return Actor(id: id, role: parsed)
    }

    /// Reads one command, a JSON array of commands, or JSON Lines (one command a line).
    static func parse(_ data: Data) throws -> [CommandEnvelope] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Instant.parse(text) else {
                throw CLIError("input", "'\(text)' is not an ISO 8601 instant (2026-03-02T09:00:00+08:00)")
            }
            return date
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CLIError("input", "no command in the input") }
        do {
            if text.hasPrefix("[") { return try decoder.decode([CommandInput].self, from: Data(text.utf8)).map(\.envelope) }
            if let one = try? decoder.decode(CommandInput.self, from: Data(text.utf8)) { return [one.envelope] }
            return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
                try decoder.decode(CommandInput.self, from: Data($0.utf8)).envelope
            }
        } catch let error as CLIError {
            throw error
        } catch let error as DecodingError {
            throw CLIError("input", describe(error))
        } catch {
            throw CLIError.from(error)
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the input" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? CLIError { return underlying.message }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// A decoder of `{}`, for commands sent without `data` (SubmitPlan).
enum EmptyObjectDecoder {
    private struct Capture: Decodable {
        let decoder: any Decoder
        init(from decoder: any Decoder) throws { self.decoder = decoder }
    }

    static func decoder() throws -> any Decoder {
        try JSONDecoder().decode(Capture.self, from: Data("{}".utf8)).decoder
    }
}
