@testable import ComplaintCLI
import Foundation
import TestChildProcess
import Testing
import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// A `complaintctl submit` child process holds the store (it opens it, then waits for commands on
/// its standard input): writing commands here fail with `storeBusy`, reading commands still work.
@Suite struct StoreBusyTests {
    @Test func writersAreRefusedAndReadersServedWhileAnotherProcessHoldsTheStore() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await ctl("submit", directory.file("r.json", WriteCommandTests.receive), "--store", directory.store)

        let child = Process()
        child.executableURL = builtExecutable("complaintctl")
        child.arguments = ["submit", "--store", directory.store]
        child.standardOutput = FileHandle.nullDevice
        let pipes = try launch(child, piping: .input, .errors)
        let (input, diagnostics) = (pipes[0], pipes[1])
        var ended = false
        defer {
            if !ended { kill(child.processIdentifier, SIGKILL) }
            _ = child.waitForExit()
        }
        // The child says which store it opened (read-write) before it reads its input.
        var seen = ""
        while !seen.contains("read-write") {
            let chunk = diagnostics.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("store: \(directory.store)"), "child said: \(seen)")

        let refused = await ctlError("forget", "cust-9", "--store", directory.store)
        #expect(refused?.code == "storeBusy")
        #expect(refused?.message.contains("held by another process") == true)
        let show = try await ctl("show", "C-1", "--store", directory.store, "--json")
        #expect(show.output.contains("\"status\":\"received\""))
        #expect(show.diagnostics.contains("read-only"))

        // The child records what it is fed, then exits and lets the store go.
        input.fileHandleForWriting.write(Data(#"{"command": "AcknowledgeComplaint", "stream": "C-1", "actor": "agent-1/agent", "data": {"channel": "sms"}}"#.utf8))
        try input.fileHandleForWriting.close()
        #expect(child.waitForExit() == .exited(0))
        ended = true
        let after = try await ctl("show", "C-1", "--store", directory.store, "--json")
        #expect(after.output.contains("\"acknowledged\":true"))
    }

    @Test func errorsReachStandardErrorWithANonZeroExitAndNoStackTrace() throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        let child = Process()
        child.executableURL = builtExecutable("complaintctl")
        child.arguments = ["show", "C-1", "--store", directory.store]
        let pipes = try launch(child, piping: .output, .errors)
        let (output, diagnostics) = (pipes[0], pipes[1])
        let errorText = String(decoding: diagnostics.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(child.waitForExit() != .exited(0))
        #expect(errorText.contains("noStore: no store at \(directory.store)"))
        #expect(!errorText.contains("Fatal") && !errorText.contains("Stack"))
        #expect(output.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }
}
