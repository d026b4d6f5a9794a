import ArgumentParser
import ComplaintFixtures
import Foundation
import Synchronization
import Testing
@testable import ComplaintCLI

/// `complaintctl fixture run` and `fixture export`, in process, with the output captured.
@Suite("complaintctl fixture", .serialized)
struct FixtureCommandTests {
    /// Captures what the command writes.
    final class Output: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    /// Runs `complaintctl <arguments>` with the output captured; returns the output and the exit code.
    func run(_ arguments: [String]) async throws -> (output: String, exitCode: Int32) {
        let output = Output()
        FixtureCommand.output = { line in output.lines.withLock { $0.append(line) } }
        defer { FixtureCommand.output = { print($0) } }
        var command = try ComplaintCTL.parseAsRoot(arguments)
        do {
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            return (output.text, 0)
        } catch {
            return (output.text, ComplaintCTL.exitCode(for: error).rawValue)
        }
    }

    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Specs/scenarios")

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("run: a folder of passing fixtures prints PASS lines and the summary, exit 0")
    func runPassing() async throws {
        let folder = Self.scenarios.appendingPathComponent("approval").path
        let (output, code) = try await run(["fixture", "run", folder])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(code == 0, "\(output)")
        let count = FixtureSuite.fixtureFiles(under: [folder]).count
        #expect(lines.filter { $0.hasPrefix("PASS ") }.count == count)
        #expect(lines.last == "\(count) passed, 0 failed")
    }

    @Test("run: a failing and a malformed fixture print FAIL with diffs, exit 1")
    func runFailing() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            name: Wrong level
            start: 2026-03-02T09:00:00+08:00
            when:
              - command: ReceiveComplaint
                stream: C-1
                actor: agent-1/agent
                data: {customer: {id: cust-1}, channel: phone, description: Late}
            then:
              complaints:
                C-1: {escalationLevel: 1}
            """.write(to: directory.appendingPathComponent("a-wrong.yaml"), atomically: true, encoding: .utf8)
        try "{\"name\": \"json\", \"start\": \"2026-03-02T09:00:00Z\", \"when\": [{\"advance\": \"forever\"}]}"
            .write(to: directory.appendingPathComponent("b-broken.json"), atomically: true, encoding: .utf8)
        try "not a fixture".write(to: directory.appendingPathComponent("ignored.txt"), atomically: true, encoding: .utf8)
        let (output, code) = try await run(["fixture", "run", directory.path])
        #expect(code == 1)
        #expect(output.contains("FAIL Wrong level\n  then.complaints.C-1 (line 10): escalationLevel: expected 1, found 0"), "\(output)")
        #expect(output.contains("FAIL b-broken.json\n  \(directory.path)/b-broken.json:1: bad duration 'forever'"), "\(output)")
        #expect(output.hasSuffix("\n0 passed, 2 failed"), "\(output)")
    }

    @Test("export: writes a scenario that passes when run")
    func export() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store")
        let source = try ScenarioParser().load(file: Self.scenarios.appendingPathComponent("escalation/second-rejection.yaml"))
        #expect(try await ScenarioRunner().run(source, storeDirectory: store).passed)
        let out = directory.appendingPathComponent("C-1.yaml").path
        let exported = try await run(["fixture", "export", "--store", store.path, "--complaint", "C-1", "--out", out])
        #expect(exported.exitCode == 0, "\(exported.output)")
        #expect(exported.output == "wrote \(out)")
        let (output, code) = try await run(["fixture", "run", out])
        #expect(code == 0, "\(output)")
        #expect(output.hasPrefix("PASS Replay of complaint C-1"), "\(output)")
    }

    @Test("export: an unknown complaint fails")
    func exportUnknown() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try ScenarioParser().parse("name: x\nstart: 2026-03-02T09:00:00Z\nwhen:\n  - advance: 1m\n")
        _ = try await ScenarioRunner().run(source, storeDirectory: directory)
        let (_, code) = try await run(["fixture", "export", "--store", directory.path, "--complaint", "C-9"])
        #expect(code != 0)
    }
}
