import ComplaintEngine
import ComplaintWorkflow
import EventLog
import Foundation
import ComplaintPolicy

/// Recorded events as the CLI prints them: one JSON line each (the audit export's line, with the
/// decoded data), or a table row each.
enum EventOutput {
    /// Forwards an audit export to a console.
    struct ConsoleStream: TextOutputStream {
        let console: Console
        mutating func write(_ string: String) { console.write(string) }
    }

    /// Prints the events at `positions` (ascending runs) as JSON lines.
    static func jsonLines(_ positions: [UInt64], of engine: ComplaintEngine, on console: Console) throws {
        var stream = ConsoleStream(console: console)
        for position in positions { try engine.exportAudit(from: position, through: position, to: &stream) }
    }

    /// The table of recorded events of `submit` and `forget`.
    static func table(_ events: [LoggedEvent], zone: TimeZone) -> Table {
        var table = Table(["position", "stream", "version", "type", "actor", "occurredAt", "rule"])
        for event in events {
            table.add([
                String(event.position), event.stream, String(event.streamVersion), event.decided.event.typeName,
                event.decided.actor.description, Instant.short(event.decided.occurredAt, in: zone),
                event.decided.rule?.rawValue ?? "",
            ])
        }
        return table
    }

    /// Prints what a writing command recorded.
    static func print(_ events: [LoggedEvent], of engine: ComplaintEngine, json: Bool, on console: Console) throws {
        if json {
            try jsonLines(events.map(\.position), of: engine, on: console)
        } else if events.isEmpty {
            console.line("nothing recorded (a repeated command id returns its earlier, empty outcome)")
        } else {
            console.line(table(events, zone: engine.policy.calendar.timeZone).text)
        }
    }
}
