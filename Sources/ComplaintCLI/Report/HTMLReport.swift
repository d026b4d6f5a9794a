import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import EventLog

/// The self-contained HTML report: KPI trends per day as inline SVG, SLA compliance by clock,
/// queue sizes, top root causes and open improvement cycles. No scripts, no external assets.
struct HTMLReport {
    /// The daily trend charts: KPI, chart id, and whether it is drawn as bars.
    static let trends: [(kpi: KPI, id: String)] = [
        (.resolutionOnTimeRate, "trend-resolutionOnTimeRate"), (.acknowledgementOnTimeRate, "trend-acknowledgementOnTimeRate"),
        (.satisfactionRate, "trend-satisfactionRate"), (.escalationRate, "trend-escalationRate"),
    ]

    static func render(engine: ComplaintEngine) async throws -> String {
        let zone = engine.policy.calendar.timeZone
        let from = try StoreAccess.firstInstant(of: engine)
        let to = try StoreAccess.headInstant(of: engine).addingTimeInterval(1)
        let days = KPIBoard.periods(.day, from: from, to: to, calendar: engine.policy.calendar)
        let reports = try days.map { try engine.kpis(in: $0) }
        let labels = days.map { String(KPIBoard.day($0.from, zone).dropFirst(5)) }
        var sections: [String] = []

        var trendCharts = SVGChart(
            id: "trend-received", title: "Complaints received per day", labels: labels,
            values: reports.map { Double(KPIBoard.received($0)) },
            maximum: SVGChart.countScale(reports.map { Double(KPIBoard.received($0)) }), asPercent: false).bars()
        for trend in trends {
            trendCharts += SVGChart(
                id: trend.id, title: "\(trend.kpi.rawValue) per day (cohort of the day's complaints)", labels: labels,
                values: reports.map { $0.value(trend.kpi) }, maximum: 1, asPercent: true).line()
        }
        sections.append(section("KPI trends", trendCharts))

        let overall = try engine.kpis(from: from, to: to)
        let clocks: [(String, KPI)] = [
            ("acknowledgement", .acknowledgementOnTimeRate), ("resolution", .resolutionOnTimeRate), ("followUp", .followUpOnTimeRate),
        ]
        sections.append(section("SLA compliance by clock", SVGChart(
            id: "sla-by-clock", title: "On-time share of clock instances (on time / (on time + late))",
            labels: clocks.map(\.0), values: clocks.map { overall.value($0.1) }, maximum: 1, asPercent: true).bars()))

        let queues = try engine.queueCounts().filter { !$0.key.rawValue.hasPrefix("owner:") }.sorted { $0.key < $1.key }
        sections.append(section("Queue sizes", SVGChart(
            id: "queue-sizes", title: "Open complaints per queue now", labels: queues.map(\.key.rawValue),
            values: queues.map { Double($0.value) }, maximum: SVGChart.countScale(queues.map { Double($0.value) }), asPercent: false).bars()))

        let causes = try await rootCauses(engine)
        var causeTable = "<table><tr><th>root cause</th><th>category</th><th>complaints</th></tr>"
        for cause in causes.prefix(10) {
            causeTable += "<tr><td>\(cause.causeClass.rawValue)</td><td>\(cause.category.rawValue)</td><td class=\"n\">\(cause.count)</td></tr>"
        }
        causeTable += "</table>"
        let top = Array(causes.prefix(8))
        sections.append(section("Top root causes", SVGChart(
            id: "root-causes", title: "Complaints per root cause and category", labels: top.map { "\($0.causeClass.rawValue)/\($0.category.rawValue)" },
            values: top.map { Double($0.count) }, maximum: SVGChart.countScale(top.map { Double($0.count) }), asPercent: false).bars() + causeTable))

        var cycles = "<table><tr><th>cycle</th><th>status</th><th>trigger</th><th>owner</th><th>objective</th><th>baseline</th><th>result</th><th>target</th><th>verdict</th></tr>"
        var open = 0
        for id in try engine.improvements() {
            guard let state = try engine.improvement(id), state.status != .closed else { continue }
            open += 1
            let objective = state.objectives.first
            cycles += "<tr><td>\(HTML.escape(id))</td><td>\(state.status.rawValue)</td><td>\(state.trigger.rawValue)</td><td>\(HTML.escape(state.owner))</td>"
                + "<td>\(objective.map { "\($0.kpi.rawValue) (\(PDCACommand.filterText($0.filter)))" } ?? "–")</td>"
                + "<td class=\"n\">\(Figure.percent(objective?.baselineFigure))</td><td class=\"n\">\(Figure.percent(objective?.resultFigure))</td>"
                + "<td class=\"n\">\(objective.map { Figure.percent($0.target) } ?? "–")</td><td>\(state.verdict?.rawValue ?? "–")</td></tr>"
        }
        cycles += "</table>"
        sections.append(section("Open improvement cycles", open == 0 ? "<p>none</p>" : cycles))

        let period = "\(Instant.short(from, in: zone)) – \(Instant.short(to, in: zone)) (\(zone.identifier))"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Complaint report</title>
            <style>
            body{font-family:sans-serif;margin:24px;color:#222;background:#fff}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}
            figure{display:inline-block;margin:8px 16px 8px 0}figcaption{font-size:13px;margin-bottom:4px}
            svg.chart{background:#fafafa;border:1px solid #ddd}
            .grid{stroke:#ddd;stroke-width:1}.axis{font-size:10px;fill:#555}
            .line{fill:none;stroke:#1f6fb2;stroke-width:2}circle.mark{fill:#1f6fb2}rect.mark{fill:#e07b24}
            table{border-collapse:collapse;font-size:13px;margin-top:8px}td,th{border:1px solid #ccc;padding:3px 8px}td.n{text-align:right}
            </style></head><body>
            <h1>Complaint report</h1>
            <p>Complaints received \(period); \(try engine.log.headPosition()) events; \(KPIBoard.received(overall)) complaints.</p>
            \(sections.joined(separator: "\n"))
            </body></html>
            """
    }

    private static func section(_ title: String, _ body: String) -> String {
        "<section><h2>\(HTML.escape(title))</h2>\n\(body)\n</section>"
    }

    struct CauseCount {
        var causeClass: CauseClass
        var category: Category
        var count: Int
    }

    /// Complaints per root-cause class and category (a complaint counts once per class), most first.
    static func rootCauses(_ engine: ComplaintEngine) async throws -> [CauseCount] {
        var causes: [String: Set<CauseClass>] = [:]
        var categories: [String: Category] = [:]
        for try await logged in engine.events(from: 1, through: try engine.log.headPosition()) {
            switch logged.decided.event {
            case .rootCauseRecorded(let cause): causes[logged.stream, default: []].insert(cause.causeClass)
            case .complaintClassified(let classified): categories[logged.stream] = classified.category
            default: break
            }
        }
        var counts: [String: CauseCount] = [:]
        for (stream, classes) in causes {
            guard let category = categories[stream] else { continue }
            for causeClass in classes {
                counts["\(causeClass.rawValue)/\(category.rawValue)", default: CauseCount(causeClass: causeClass, category: category, count: 0)].count += 1
            }
        }
        return counts.values.sorted {
            $0.count != $1.count ? $0.count > $1.count : ($0.causeClass.rawValue, $0.category.rawValue) < ($1.causeClass.rawValue, $1.category.rawValue)
        }
    }
}
