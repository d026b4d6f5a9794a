@testable import ComplaintCLI
import ComplaintEngine
import Foundation
import TestChildProcess
import Testing
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

@Suite struct ReportCommandTests {
    /// Every `data-value` of a chart, in order.
    func plotted(_ html: String, chart id: String) throws -> [(label: String, value: Double)] {
        let start = try #require(html.range(of: "<svg id=\"\(id)\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.lowerBound])
        let regex = try NSRegularExpression(pattern: "data-label=\"([^\"]*)\" data-value=\"([^\"]*)\"")
        return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (String(svg[Range(match.range(at: 1), in: svg)!]), Double(String(svg[Range(match.range(at: 2), in: svg)!]))!)
        }
    }

    /// A demo store and its report: the report's path and text.
    func demoReport(in directory: TempDirectory) async throws -> (file: String, html: String) {
        try await demoStore(directory)
        let file = directory.path + "/report.html"
        try await ctl("report", "--html", file, "--store", directory.store)
        return (file, try String(contentsOfFile: file, encoding: .utf8))
    }

    @Test func theChartsPlotTheEnginesFigures() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        let (file, html) = try await demoReport(in: directory)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained")

        let engine = try await ComplaintEngine.open(directory: directory.store, configuration: .init(access: .readOnly))
        defer { engine.close() }
        let from = try StoreAccess.firstInstant(of: engine)
        let to = try StoreAccess.headInstant(of: engine).addingTimeInterval(1)
        let days = KPIBoard.periods(.day, from: from, to: to, calendar: engine.policy.calendar)
        for trend in HTMLReport.trends {
            let expected = try days.compactMap { try engine.kpis(in: $0).value(trend.kpi) }
            let points = try plotted(html, chart: trend.id).map(\.value)
            #expect(points == expected, "\(trend.kpi)")
            #expect(!points.isEmpty)
        }
        let received = try plotted(html, chart: "trend-received").map { Int($0.value) }
        #expect(received == (try days.map { try engine.kpis(in: $0)[.resolutionRate].denominator }))
        let overall = try engine.kpis(from: from, to: to)
        let sla = try plotted(html, chart: "sla-by-clock")
        #expect(sla.map(\.label) == ["acknowledgement", "resolution", "followUp"])
        #expect(sla.map(\.value) == [overall.value(.acknowledgementOnTimeRate)!, overall.value(.resolutionOnTimeRate)!, overall.value(.followUpOnTimeRate)!])
        let queues = try plotted(html, chart: "queue-sizes")
        let counts = try engine.queueCounts()
        for queue in queues { #expect(counts[.init(rawValue: queue.label)] == Int(queue.value)) }
        #expect(try plotted(html, chart: "root-causes").count > 0)
        let cycleIsClosed = try engine.improvement("PDCA-1")?.status == .closed
        #expect(html.contains("PDCA-1") || cycleIsClosed)
    }

    /// Renders the report in headless Chromium and checks the charts are drawn: the screenshot
    /// differs from one of the same page with the plotted marks hidden, and holds more detail.
    /// Skipped when no browser is installed, except under `CI=true`, where that fails.
    @Test func chromiumDrawsTheCharts() async throws {
        guard let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: FileManager.default.isExecutableFile(atPath:))
        else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("no Chromium: scripts/test installs Debian's chromium (scripts/setup chromium)")
            }
            return
        }
        let directory = TempDirectory()
        defer { directory.remove() }
        let (file, html) = try await demoReport(in: directory)
        let blankFile = directory.file("blank.html", html.replacingOccurrences(of: "</style>", with: ".plot{display:none}</style>"))

        let drawn = try screenshot(browser, page: file, to: directory.path + "/drawn.png")
        let blank = try screenshot(browser, page: blankFile, to: directory.path + "/blank.png")
        #expect(Array(drawn.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        #expect(pngSize(drawn) == (1280, 2400))
        #expect(drawn != blank, "the plotted marks change the rendering")
        #expect(drawn.count > blank.count + 2_000, "marks and lines add detail: \(drawn.count) vs \(blank.count) bytes")
    }

    func screenshot(_ browser: String, page: String, to png: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
            "--screenshot=\(png)", "--window-size=1280,2400", "file://\(page)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try launching { try process.run() }
        _ = process.waitForExit()
        return try Data(contentsOf: URL(fileURLWithPath: png))
    }

    /// Width and height from the PNG's IHDR chunk.
    func pngSize(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24 else { return (0, 0) }
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }
}
