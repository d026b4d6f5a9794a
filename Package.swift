// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the strictness swift-log uses.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ComplaintWorkflowEngine",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ComplaintLMDB", targets: ["ComplaintLMDB"]),
        .library(name: "EventLog", targets: ["EventLog"]),
        .library(name: "BinaryCoding", targets: ["BinaryCoding"]),
        .library(name: "ComplaintPolicy", targets: ["ComplaintPolicy"]),
        .library(name: "ComplaintPrivacy", targets: ["ComplaintPrivacy"]),
        .library(name: "ComplaintWorkflow", targets: ["ComplaintWorkflow"]),
        .library(name: "ComplaintEngine", targets: ["ComplaintEngine"]),
        .library(name: "ComplaintFixtures", targets: ["ComplaintFixtures"]),
        .library(name: "ComplaintCLI", targets: ["ComplaintCLI"]),
        .executable(name: "complaintctl", targets: ["complaintctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // C system library over Debian's liblmdb-dev (pkg-config `lmdb`).
        .systemLibrary(
            name: "CComplaintLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"]), .brew(["lmdb"])]
        ),
        // Thin, safe LMDB layer: environments, scoped transactions, typed errors, map growth.
        .target(
            name: "ComplaintLMDB",
            dependencies: ["CComplaintLMDB"],
            swiftSettings: strictness
        ),
        // Domain-free append-only event log with a hash chain, group commit and subscriptions.
        .target(
            name: "EventLog",
            dependencies: [
                "ComplaintLMDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        // A compact, schema-evolvable binary encoding for Codable values (event payloads).
        .target(
            name: "BinaryCoding",
            swiftSettings: strictness
        ),
        // SplitMix64: seeded random numbers that repeat on every machine (workload, demo, tests).
        .target(
            name: "SeededRandom",
            swiftSettings: strictness
        ),
        // Per-customer encryption keys, wrapped by a master key, in a key file erased in place.
        .target(
            name: "ComplaintPrivacy",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        // Value sets, service policies, the business calendar and SLA clock arithmetic (no I/O).
        .target(
            name: "ComplaintPolicy",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        // The pure complaint workflow: commands, events, decide/evolve, rules, PDCA (no I/O).
        .target(
            name: "ComplaintWorkflow",
            dependencies: ["ComplaintPolicy", "BinaryCoding"],
            swiftSettings: strictness
        ),
        // The embedding API: commands in, events logged, projections current.
        .target(
            name: "ComplaintEngine",
            dependencies: [
                "EventLog", "ComplaintLMDB", "ComplaintWorkflow", "ComplaintPolicy", "ComplaintPrivacy", "BinaryCoding",
                "SeededRandom", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        // Scenario fixtures: load, validate, run and export YAML/JSON scenarios against the real engine.
        .target(
            name: "ComplaintFixtures",
            dependencies: [
                "ComplaintEngine", "ComplaintWorkflow", "ComplaintPolicy", "EventLog",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictness
        ),
        // The operator's tool as a library: every subcommand's logic, callable in-process by tests.
        .target(
            name: "ComplaintCLI",
            dependencies: [
                "ComplaintEngine", "ComplaintFixtures", "ComplaintWorkflow", "ComplaintPolicy", "EventLog", "SeededRandom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        // The `complaintctl` executable: a thin entry point over ComplaintCLI.
        .executableTarget(
            name: "complaintctl",
            dependencies: ["ComplaintCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictness
        ),
        // Child process used by the crash and multi-process tests of the event log.
        .executableTarget(
            name: "eventlog-test-child",
            dependencies: ["EventLog", "ComplaintLMDB"],
            path: "Tests/EventLogTestChild",
            swiftSettings: strictness
        ),
        // Child process used by the crash tests of the engine.
        .executableTarget(
            name: "complaint-engine-test-child",
            dependencies: ["ComplaintEngine", "ComplaintWorkflow", "ComplaintLMDB"],
            path: "Tests/ComplaintEngineTestChild",
            swiftSettings: strictness
        ),
        // Child processes of the crash and multi-process tests, as seen from a test.
        .target(
            name: "TestChildProcess",
            path: "Tests/TestChildProcess",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintLMDBTests",
            dependencies: ["ComplaintLMDB", "CComplaintLMDB"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "EventLogTests",
            dependencies: ["EventLog", "ComplaintLMDB", "CComplaintLMDB", "eventlog-test-child", "TestChildProcess", "SeededRandom"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintEngineTests",
            dependencies: [
                "ComplaintEngine", "EventLog", "ComplaintLMDB", "ComplaintWorkflow", "ComplaintPolicy", "ComplaintPrivacy",
                "complaint-engine-test-child", "TestChildProcess", "SeededRandom",
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintFixturesTests",
            dependencies: ["ComplaintFixtures", "ComplaintEngine", "ComplaintWorkflow", "ComplaintPolicy"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintCLITests",
            dependencies: ["ComplaintCLI", "ComplaintEngine", "ComplaintWorkflow", "ComplaintPolicy", "complaintctl", "TestChildProcess"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "BinaryCodingTests",
            dependencies: ["BinaryCoding"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintPrivacyTests",
            dependencies: ["ComplaintPrivacy"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintPolicyTests",
            dependencies: ["ComplaintPolicy", "SeededRandom", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ComplaintWorkflowTests",
            dependencies: [
                "ComplaintWorkflow", "ComplaintPolicy", "TestChildProcess", "SeededRandom",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictness
        ),
    ]
)
