public import ArgumentParser

/// The `complaintctl` command: an operator's tool over a complaint store.
public struct ComplaintCTL: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "complaintctl",
        abstract: "Operate a complaint workflow store.",
        subcommands: [
            DemoCommand.self, SubmitCommand.self, ShowCommand.self, QueueCommand.self, AuditCommand.self,
            HistoryCommand.self, KPICommand.self, PDCACommand.self, VerifyCommand.self, RebuildCommand.self,
            ExportCommand.self, PolicyCommand.self, ForgetCommand.self, ReportCommand.self,
            FixtureCommand.self, BenchCommand.self,
        ]
    )

    public init() {}
}
