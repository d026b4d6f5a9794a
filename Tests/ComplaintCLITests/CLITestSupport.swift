@testable import ComplaintCLI
import Foundation
import Testing
import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// A fresh directory for a store, removed afterwards.
struct TempDirectory {
    let path = NSTemporaryDirectory() + "cli-\(UUID().uuidString)"
    var store: String { path + "/store" }
    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}

/// Runs a `complaintctl` command line in-process and returns what it wrote.
@discardableResult
func ctl(_ arguments: String...) async throws -> CapturedConsole {
    try await ctl(arguments)
}

@discardableResult
func ctl(_ arguments: [String]) async throws -> CapturedConsole {
    let captured = CapturedConsole()
    try await runComplaintCTL(arguments, on: captured.console)
    return captured
}

/// The error a command line fails with (or a recorded issue when it succeeds).
func ctlError(_ arguments: String...) async -> CLIError? {
    do {
        try await ctl(arguments)
        Issue.record("`\(arguments.joined(separator: " "))` succeeded")
        return nil
    } catch {
        return CLIError.from(error)
    }
}

/// Days the debug-mode demo tests simulate (the release demo runs 30).
let testDays = "3"

/// Creates a demo store in `directory.store` (3 days, seed 7) and returns the demo's output.
@discardableResult
func demoStore(_ directory: TempDirectory, seed: String = "7") async throws -> CapturedConsole {
    try await ctl("demo", "--store", directory.store, "--days", testDays, "--seed", seed, "--per-day", "24")
}

/// The demo output with what legitimately differs between runs masked: hashes (random nonces
/// make payloads differ) and the store path.
func masked(_ text: String, store: String) -> String {
    let withoutPath = text.replacingOccurrences(of: store, with: "STORE")
    let regex = try! NSRegularExpression(pattern: "[0-9a-f]{12,}")
    return regex.stringByReplacingMatches(
        in: withoutPath, range: NSRange(withoutPath.startIndex..., in: withoutPath), withTemplate: "HASH")
}

/// A path to an executable of this package, built beside the test binary.
func builtExecutable(_ name: String) -> URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)
}
