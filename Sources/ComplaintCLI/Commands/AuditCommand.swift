public import ArgumentParser
public import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl audit ID | --actor A | --from T --to T`: an audit trail.
public struct AuditCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print an audit trail — of a complaint, of an actor, or of a time window: who did what, when, under which policy and rule, with each record's hash.")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The complaint (or other stream) id.
    @Argument(help: "The complaint id (or any stream: PDCA-1, customer:<id>, policies).")
    public var id: String?

    /// Every event of this actor id instead.
    @Option(help: "Every event recorded with this actor id (system: timers and rules).")
    public var actor: String?

    /// The start of a time window (ISO 8601).
    @Option(help: "Every event recorded in [--from, --to) (ISO 8601 instants).")
    public var from: String?

    /// The end of the time window.
    @Option(help: "The end of the --from window.")
    public var to: String?

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let entries: [AuditEntry]
        switch (id, actor, from, to) {
        case (let id?, nil, nil, nil):
            entries = try Self.pages { try engine.auditTrail(complaint: id, after: $0) }
            guard !entries.isEmpty else { throw CLIError("notFound", "no stream \(id)") }
            if output.json {
                var stream = EventOutput.ConsoleStream(console: console)
                try engine.exportAudit(complaint: id, to: &stream)
                return
            }
        case (nil, let actor?, nil, nil):
            entries = try Self.pages { try engine.auditTrail(actor: actor, after: $0) }
        case (nil, nil, let from?, let to?):
            guard let start = Instant.parse(from), let end = Instant.parse(to) else {
                throw CLIError("usage", "--from and --to take ISO 8601 instants (2026-03-10T09:00:00+08:00)")
            }
            entries = try Self.pages { try engine.auditTrail(from: start, to: end, after: $0) }
        default:
            throw CLIError("usage", "audit takes a complaint id, or --actor ID, or --from T --to T")
        }
        if output.json {
            try EventOutput.jsonLines(entries.map(\.position), of: engine, on: console)
        } else {
            console.line(Self.table(entries, engine: engine).text)
        }
    }

    /// Every entry of a paged audit query (`page(after)` returns the page after a position).
    static func pages(_ page: (UInt64) throws -> [AuditEntry]) throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        while true {
            let next = try page(entries.last?.position ?? 0)
            entries += next
            if next.count < ComplaintEngine.defaultAuditPageSize { return entries }
        }
    }

    /// Every entry of a stream's trail (all pages).
    static func trail(_ id: String, of engine: ComplaintEngine) throws -> [AuditEntry] {
        try pages { try engine.auditTrail(complaint: id, after: $0) }
    }

    /// position, occurredAt, recordedAt, type, actor, command, policy, rule and reason, hash.
    static func table(_ entries: [AuditEntry], engine: ComplaintEngine) -> Table {
        let zone = engine.policy.calendar.timeZone
        var table = Table(["pos", "occurredAt", "recordedAt", "type", "actor", "commandId", "policy", "rule", "hash"])
        for entry in entries {
            table.add([
                String(entry.position), Instant.short(entry.occurredAt, in: zone), Instant.short(entry.recordedAt, in: zone),
                entry.eventType, "\(entry.actor.id)/\(entry.actor.role)", entry.commandId ?? "–", entry.policyVersion ?? "–",
                entry.rule.map { rule in entry.reason.map { "\(rule): \($0)" } ?? rule } ?? "",
                String(entry.hash.hex.prefix(12)),
            ])
        }
        return table
    }
}
