public import ArgumentParser
public import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `complaintctl report --html FILE`: a self-contained HTML report.
public struct ReportCommand: StoreReadingCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: KPI trends (inline SVG), SLA compliance by clock, queue sizes, top root causes, open improvement cycles.")

    @OptionGroup public var storeOptions: StoreOptions

    /// The HTML file to write.
    @Option(help: "The HTML file to write.")
    public var html: String

    public init() {}

    public func read(_ engine: ComplaintEngine, on console: Console) async throws {
        let page = try await HTMLReport.render(engine: engine)
        guard FileManager.default.createFile(atPath: html, contents: Data(page.utf8)) else {
            throw CLIError("output", "cannot write \(html)")
        }
        console.line("wrote \(html) (\(page.utf8.count) bytes)")
    }
}
