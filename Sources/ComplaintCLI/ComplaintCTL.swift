public import ArgumentParser

/// The `complaintctl` command: an operator's tool over a complaint store.
public struct ComplaintCTL: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "complaintctl",
        abstract: "Operate a complaint workflow store.",
        subcommands: [FixtureCommand.self, BenchCommand.self]
    )

    public init() {}
}
