public import ArgumentParser
public import ComplaintEngine
import ComplaintPolicy
import Foundation
import ComplaintWorkflow
import EventLog

/// `complaintctl kpi [--by DIM] [--period P] [--as-of T]`: the KPI board.
public struct KPICommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Print the KPIs (Specs/kpi.md), overall or by category, channel or owner, per day, week or month.",
        discussion: """
            Figures are cohort figures: a complaint counts in the window that holds its receipt. \
            --as-of T (an ISO 8601 instant or a log position) gives the figures as they stood then: the \
            log is folded up to T, so later events (closings, breaches, satisfaction) do not count.
            """)

    @OptionGroup public var storeOptions: StoreOptions
    @OptionGroup public var output: OutputOptions

    /// Group by this dimension.
    @Option(help: "Group by category, channel, owner or department.")
    public var by: String?

    /// Group by this period.
    @Option(help: "Group by day, week or month (in the policy's time zone).")
    public var period: String?

    /// The point of the log the figures are taken at.
    @Option(name: .customLong("as-of"), help: "The figures as they stood at this instant or log position.")
    public var asOf: String?

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let dimension = try by.map { text in
            guard let value = KPIDimension(rawValue: text) else {
                throw CLIError("usage", "--by takes category, channel, owner or department, not '\(text)'")
            }
            return value
        }
        let reportingPeriod = try period.map { text in
            guard let value = ReportingPeriod(rawValue: text) else {
                throw CLIError("usage", "--period takes day, week or month, not '\(text)'")
            }
            return value
        }
        let point = try asOf.map(HistoryPointArgument.parse)
        let from = try StoreAccess.firstInstant(of: engine)
        let to = try point.map { try HistoryPointArgument.instant(of: $0, in: engine) }
            ?? StoreAccess.headInstant(of: engine).addingTimeInterval(1)
        guard from < to else { throw CLIError("usage", "--as-of lies before the store's first record") }
        let board: KPIBoard
        if let reportingPeriod {
            board = try KPIBoard.byPeriod(reportingPeriod, dimension: dimension, from: from, to: to, asOf: point, engine: engine)
        } else if let dimension {
            board = try KPIBoard.byDimension(dimension, from: from, to: to, asOf: point, engine: engine)
        } else {
            board = KPIBoard(title: "complaints", rows: [.init(label: "all", report: try engine.kpis(from: from, to: to, asOf: point))])
        }
        if output.json {
            console.line(board.json.text)
        } else {
            let zone = engine.policy.calendar.timeZone
            console.line("complaints received \(Instant.short(from, in: zone)) .. \(Instant.short(to, in: zone)) (\(zone.identifier))")
            console.line(board.text(zone: zone))
        }
    }
}
