public import ArgumentParser
public import ComplaintEngine
import ComplaintWorkflow
import Foundation
import ComplaintPolicy
import EventLog

/// `complaintctl history CUSTOMER`: a customer's complaints and standing.
public struct HistoryCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Print a customer's complaints and whether the customer was forgotten.")

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// The customer id.
    @Argument(help: "The customer id.")
    public var customer: String

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let history = try engine.customerHistory(customer)
        let zone = engine.policy.calendar.timeZone
        let rows = try history.complaints.map { ($0, try engine.complaint($0.id)) }
        if output.json {
            console.line(JSONValue.object([
                ("customer", .string(customer)), ("standing", .string("\(history.standing)")),
                ("complaints", .array(rows.map { complaint, state in
                    .object([
                        ("id", .string(complaint.id)), ("category", .string(complaint.category?.rawValue)),
                        ("receivedAt", .instant(complaint.receivedAt)), ("status", .string(state?.status.rawValue)),
                        ("closedReason", .string(complaint.closedReason?.rawValue)),
                    ])
                })),
            ]).text)
            return
        }
        console.line("customer \(customer): \(history.standing), \(rows.count) complaint(s)")
        var table = Table(["id", "received", "category", "status", "closedReason"])
        for (complaint, state) in rows {
            table.add([
                complaint.id, Instant.short(complaint.receivedAt, in: zone), complaint.category?.rawValue ?? "–",
                state?.status.rawValue ?? "–", complaint.closedReason?.rawValue ?? "–",
            ])
        }
        if !rows.isEmpty { console.line(table.text) }
    }
}
