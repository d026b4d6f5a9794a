public import ArgumentParser

/// `complaintctl bench`: the standard workload of WORKLOAD.md with baselines measured in the same run.
public struct BenchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the standard workload and print throughput next to raw LMDB baselines."
    )

    public init() {}
}
