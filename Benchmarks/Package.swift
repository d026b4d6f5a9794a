// swift-tools-version:6.1
import PackageDescription

// A nested package, so `swift build` / `swift test` of the library never builds the benchmark
// machinery. Run from this folder:
//   swift package benchmark                 (ordo-one/benchmark suites in EventLogBenchmarks/)
//   swift run -c release log-bench          (one process, plain timing, machine-readable lines)
//   swift run -c release engine-bench --commit batch:100   (the engine, WORKLOAD.md modes)

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ComplaintWorkflowEngineBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ComplaintWorkflowEngine", path: ".."),
        // Only the MallocInterposer trait: it drops the default RuntimeInterposer trait (and its
        // dependency, which is not mirrored here); no jemalloc needed.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The standard benchmark workload: events, requests, the raw LMDB baselines, temp dirs, memory.
        .target(
            name: "LogWorkload",
            dependencies: [
                .product(name: "EventLog", package: "ComplaintWorkflowEngine"),
                .product(name: "ComplaintLMDB", package: "ComplaintWorkflowEngine"),
            ],
            path: "Sources/LogWorkload",
            swiftSettings: strictness
        ),
        // One process, plain ContinuousClock timing, medians of repetitions, WORKLOAD.md lines.
        .executableTarget(
            name: "log-bench",
            dependencies: [
                "LogWorkload",
                .product(name: "EventLog", package: "ComplaintWorkflowEngine"),
                .product(name: "ComplaintLMDB", package: "ComplaintWorkflowEngine"),
            ],
            path: "Sources/log-bench",
            swiftSettings: strictness
        ),
        // The standard workload through the whole engine (WORKLOAD.md modes): the same code as
        // `complaintctl bench` (ComplaintCLI's BenchCommand over ComplaintEngine's WorkloadBench).
        .executableTarget(
            name: "engine-bench",
            dependencies: [.product(name: "ComplaintCLI", package: "ComplaintWorkflowEngine")],
            path: "Sources/engine-bench",
            swiftSettings: strictness
        ),
        // The ordo-one/benchmark suite. The plugin runs executable targets whose folder sits
        // directly in a folder named `Benchmarks` (this package's root is one).
        .executableTarget(
            name: "EventLogBenchmarks",
            dependencies: [
                "LogWorkload",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "EventLog", package: "ComplaintWorkflowEngine"),
                .product(name: "ComplaintLMDB", package: "ComplaintWorkflowEngine"),
            ],
            path: "EventLogBenchmarks",
            swiftSettings: strictness,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
