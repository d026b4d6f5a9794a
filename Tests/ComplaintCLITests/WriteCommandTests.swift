@testable import ComplaintCLI
import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import Testing
import ComplaintLMDB
import EventLog

@Suite struct WriteCommandTests {
    static let receive = """
        {"command": "ReceiveComplaint", "stream": "C-1", "actor": "agent-1/agent", "commandId": "web-1",
         "data": {"customer": {"id": "cust-9", "name": "Li Lei"}, "channel": "phone", "description": "Parcel arrived damaged"}}
        """

    @Test func submitRecordsCommandsAndPrintsTheirEvents() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        let file = directory.file("receive.json", Self.receive)
        let first = try await ctl("submit", file, "--store", directory.store)
        #expect(first.output.contains("ComplaintReceived") && first.output.contains("C-1"))
        #expect(first.diagnostics.contains("store: \(directory.store) (from --store), read-write"))
        let again = try await ctl("submit", file, "--store", directory.store, "--json")
        #expect(again.output.contains("\"type\":\"ComplaintReceived\""), "a repeated command id returns the original events")
        let lines = directory.file("more.jsonl", """
            {"command": "AcknowledgeComplaint", "stream": "C-1", "actor": {"id": "agent-1", "role": "agent"}, "data": {"channel": "sms"}}
            {"command": "ClassifyComplaint", "stream": "C-1", "actor": "agent-1/agent", "data": {"category": "logistics"}}
            """)
        let more = try await ctl("submit", lines, "--store", directory.store)
        #expect(more.output.contains("ComplaintAcknowledged") && more.output.contains("ComplaintClassified"))
        let show = try await ctl("show", "C-1", "--store", directory.store, "--json").output
        #expect(show.contains("\"acknowledged\":true") && show.contains("\"category\":\"logistics\""))
    }

    @Test func refusalsAndBadInputAreClearErrors() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await ctl("submit", directory.file("r.json", Self.receive), "--store", directory.store)
        let assign = directory.file("assign.json", """
            {"command": "AssignComplaint", "stream": "C-1", "actor": "agent-1/agent", "data": {"owner": "agent-1"}}
            """)
        #expect(await ctlError("submit", assign, "--store", directory.store)?.code == "notClassified")
        let unknown = directory.file("unknown.json", #"{"command": "Nope", "stream": "C-1", "actor": "a/agent"}"#)
        #expect(await ctlError("submit", unknown, "--store", directory.store)?.code == "input")
        let badRole = directory.file("role.json", #"{"command": "WithdrawComplaint", "stream": "C-1", "actor": "a/boss"}"#)
        #expect(await ctlError("submit", badRole, "--store", directory.store)?.message.contains("unknown role 'boss'") == true)
        let missing = directory.file("missing.json", #"{"command": "ClassifyComplaint", "stream": "C-1", "actor": "a/agent", "data": {}}"#)
        #expect(await ctlError("submit", missing, "--store", directory.store)?.message.contains("category") == true)
    }

    @Test func forgetErasesACustomer() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await ctl("submit", directory.file("r.json", Self.receive), "--store", directory.store)
        let forgotten = try await ctl("forget", "cust-9", "--store", directory.store)
        #expect(forgotten.output.contains("CustomerForgotten"))
        let history = try await ctl("history", "cust-9", "--store", directory.store).output
        #expect(history.contains("forgotten"))
        let audit = try await ctl("audit", "C-1", "--store", directory.store, "--json").output
        #expect(audit.contains("[erased]") && !audit.contains("Li Lei"))
        #expect(await ctlError("forget", "cust-unknown", "--store", directory.store)?.code == "unknownCustomer")
    }

    @Test func rebuildRebuildsProjectionsToTheSameState() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await demoStore(directory)
        let before = try await ctl("queue", "--store", directory.store).output
        let kpisBefore = try await ctl("kpi", "--by", "category", "--store", directory.store).output
        let rebuilt = try await ctl("rebuild", "--store", directory.store)
        #expect(rebuilt.output.contains("rebuilt complaints, customer-history, kpi, audit, improvements"))
        try await ctl("rebuild", "--projection", "kpi", "--store", directory.store)
        #expect(try await ctl("queue", "--store", directory.store).output == before)
        #expect(try await ctl("kpi", "--by", "category", "--store", directory.store).output == kpisBefore)
        #expect(await ctlError("rebuild", "--projection", "nope", "--store", directory.store)?.code == "usage")
    }

    @Test func policyCheckValidatesAFile() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        let good = directory.file("good.yaml", "preset: standard\noverrides:\n  reopenWindowDays: 14\n")
        let checked = try await ctl("policy", "check", good)
        #expect(checked.output.contains("valid") && checked.output.contains("reopen window 14 days"))
        let bad = directory.file("bad.yaml", "preset: standard\noverrides:\n  reopenWindowDays: soon\n")
        let error = await ctlError("policy", "check", bad)
        #expect(error?.code == "invalidPolicy" && error?.message.contains("reopenWindowDays") == true)
    }
}
