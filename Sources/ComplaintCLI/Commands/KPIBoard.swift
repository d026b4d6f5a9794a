import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import EventLog

/// KPI reports as the CLI prints them: one row per group (all, a dimension's value, a period),
/// with the board's columns in the human table and every KPI in JSON.
struct KPIBoard {
    struct Row {
        var label: String
        var period: TimeWindow?
        var report: KPIReport
    }

    var title: String
    var rows: [Row] = []

    /// The columns of the human board: received, then the KPIs an operator looks at first.
    static let columns: [(String, KPI)] = [
        ("resolved", .resolutionRate), ("ack on time", .acknowledgementOnTimeRate),
        ("res on time", .resolutionOnTimeRate), ("follow-up", .followUpOnTimeRate),
        ("mean ack min", .meanAcknowledgementMinutes), ("mean res h", .meanResolutionWorkingHours),
        ("escalated", .escalationRate), ("reopened", .reopenRate), ("satisfied", .satisfactionRate),
        ("FCR", .firstContactResolutionRate), ("complaint rate", .complaintRate),
    ]

    /// How many complaints a report counts (the denominator of `resolutionRate`).
    static func received(_ report: KPIReport) -> Int { report[.resolutionRate].denominator }

    func text(zone: TimeZone) -> String {
        var table = Table([title, "received"] + Self.columns.map(\.0), numericFrom: 1)
        for row in rows {
            var cells = [row.period.map { "\(Self.day($0.from, zone))..\(Self.day($0.to, zone)) \(row.label)" } ?? row.label]
            cells.append(String(Self.received(row.report)))
            for (_, kpi) in Self.columns {
                let value = row.report.value(kpi)
                cells.append(kpi.isRate ? Figure.percent(value) : Figure.decimal(value))
            }
            table.add(cells)
        }
        return table.text
    }

    var json: JSONValue {
        .array(rows.map { row in
            var entries: [(String, JSONValue)] = [("group", .string(row.label))]
            if let period = row.period { entries += [("from", .instant(period.from)), ("to", .instant(period.to))] }
            entries.append(("received", .int(Self.received(row.report))))
            entries.append(("kpis", .object(KPI.allCases.map { kpi in
                let figure = row.report[kpi]
                return (kpi.rawValue, .object([
                    ("value", .number(figure.value)), ("numerator", .number(figure.numerator)),
                    ("denominator", .int(figure.denominator)),
                ]))
            })))
            return .object(entries)
        })
    }

    static func day(_ date: Date, _ zone: TimeZone) -> String { String(Instant.short(date, in: zone).prefix(10)) }

    // MARK: Building

    /// The slice of one value of a dimension.
    static func slice(_ dimension: KPIDimension, _ value: String) -> KPISlice {
        switch dimension {
        case .category: KPISlice(category: Category(rawValue: value))
        case .channel: KPISlice(channel: Channel(rawValue: value))
        case .owner: KPISlice(owner: value)
        case .department: KPISlice(department: value)
        }
    }

    /// One row per value of `dimension` over `[from, to)` (values in byte order), then `all`; with
    /// `asOf`, the figures as they stood at that point of the log.
    static func byDimension(
        _ dimension: KPIDimension, from: Date, to: Date, asOf point: ComplaintEngine.HistoryPoint? = nil, engine: ComplaintEngine
    ) throws -> KPIBoard {
        let values = Set(try engine.kpis(by: dimension, period: .month, from: from, to: to, asOf: point).map(\.value))
            .sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        var board = KPIBoard(title: dimension.rawValue)
        for value in values {
            board.rows.append(Row(label: value, report: try engine.kpis(from: from, to: to, where: slice(dimension, value), asOf: point)))
        }
        board.rows.append(Row(label: "all", report: try engine.kpis(from: from, to: to, asOf: point)))
        return board
    }

    /// One row per period (and value of `dimension`, when given) over `[from, to)`; with `asOf`, the
    /// figures as they stood at that point of the log.
    static func byPeriod(
        _ period: ReportingPeriod, dimension: KPIDimension?, from: Date, to: Date, asOf point: ComplaintEngine.HistoryPoint? = nil,
        engine: ComplaintEngine
    ) throws -> KPIBoard {
        if let dimension {
            var board = KPIBoard(title: "\(period.rawValue) / \(dimension.rawValue)")
            for row in try engine.kpis(by: dimension, period: period, from: from, to: to, asOf: point) {
                board.rows.append(Row(label: row.value, period: row.period, report: row.report))
            }
            return board
        }
        var board = KPIBoard(title: period.rawValue)
        // Periods without a complaint or an interaction count have no row (as with a dimension).
        for window in periods(period, from: from, to: to, calendar: engine.policy.calendar) {
            let report = try engine.kpis(in: window, asOf: point)
            guard received(report) > 0 || report[.complaintRate].denominator > 0 else { continue }
            board.rows.append(Row(label: "all", period: window, report: report))
        }
        return board
    }

    /// The periods covering `[from, to)`, clipped to it.
    static func periods(_ period: ReportingPeriod, from: Date, to: Date, calendar: BusinessCalendar) -> [TimeWindow] {
        var windows: [TimeWindow] = []
        var start = from
        while start < to {
            let whole = calendar.window(period, containing: start)
            guard let clipped = try? TimeWindow(from: start, to: min(whole.to, to)), whole.to > start else { break }
            windows.append(clipped)
            start = whole.to
        }
        return windows
    }
}
