public import ArgumentParser
public import ComplaintEngine
import ComplaintWorkflow
import Foundation
import ComplaintPolicy
import EventLog

/// `complaintctl queue [NAME]`: a work queue in queue order, or every queue's size.
public struct QueueCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Print a work queue in order (unassigned, owner:<id>, level:<n>, breached, awaitingApproval, awaitingCustomer, followUp), or every queue's size.")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The queue; all queues' sizes when absent.
    @Argument(help: "The queue name; without it, the size of every non-empty queue.")
    public var name: String?

    /// At most this many complaints.
    @Option(help: "At most this many complaints (1…10000).")
    public var limit = 50

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        guard let name else {
            let counts = try engine.queueCounts().sorted { $0.key < $1.key }
            if output.json {
                console.line(JSONValue.object(counts.map { ($0.key.rawValue, .int($0.value)) }).text)
            } else {
                var table = Table(["queue", "complaints"], numericFrom: 1)
                for (queue, count) in counts { table.add([queue.rawValue, String(count)]) }
                console.line(table.text)
            }
            return
        }
        let page = try engine.queue(name, limit: limit)
        let total = try engine.queueCounts()[page.queue] ?? 0
        let rows = try page.ids.map { id in (id, try engine.complaint(id)) }
        if output.json {
            console.line(JSONValue.object([
                ("queue", .string(page.queue.rawValue)), ("total", .int(total)),
                ("ids", .array(page.ids.map(JSONValue.string))), ("next", .string(page.next?.token)),
            ]).text)
            return
        }
        console.line(Self.table(rows, engine: engine).text)
        console.line("\(page.ids.count) of \(total) in \(page.queue.rawValue)")
    }

    /// One row per complaint: rank, id and what orders the queue.
    static func table(_ rows: [(String, ComplaintState?)], engine: ComplaintEngine) -> Table {
        let calendar = engine.policy.calendar
        var table = Table(["#", "id", "status", "severity", "urgency", "level", "owner", "category", "next due", "received"])
        for (index, row) in rows.enumerated() {
            guard let state = row.1 else { continue }
            let due = ComplaintView.clocks(state).filter { $0.phase == .running }.compactMap { $0.dueAt(calendar: calendar) }.min()
            table.add([
                String(index + 1), row.0, state.status.rawValue, state.severity?.rawValue ?? "–", state.urgency?.rawValue ?? "–",
                String(state.escalationLevel), state.owner ?? "–", state.category?.rawValue ?? "–",
                due.map { Instant.short($0, in: calendar.timeZone) } ?? "–", Instant.short(state.receivedAt, in: calendar.timeZone),
            ])
        }
        return table
    }
}
