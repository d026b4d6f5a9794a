public import ArgumentParser
public import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl audit ID`: a complaint's (or any stream's) audit trail.
public struct AuditCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print a complaint's audit trail: who did what, when, under which policy and rule, with each record's hash.")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The complaint (or other stream) id.
    @Argument(help: "The complaint id (or any stream: PDCA-1, customer:<id>, policies).")
    public var id: String

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let entries = try Self.trail(id, of: engine)
        guard !entries.isEmpty else { throw CLIError("notFound", "no stream \(id)") }
        if output.json {
            var stream = EventOutput.ConsoleStream(console: console)
            try engine.exportAudit(complaint: id, to: &stream)
        } else {
            console.line(Self.table(entries, engine: engine).text)
        }
    }

    /// Every entry of a stream's trail (all pages).
    static func trail(_ id: String, of engine: ComplaintEngine) throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        while true {
            let page = try engine.auditTrail(complaint: id, after: entries.last?.position ?? 0)
            entries += page
            if page.count < ComplaintEngine.defaultAuditPageSize { return entries }
        }
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
