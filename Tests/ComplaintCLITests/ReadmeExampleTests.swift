import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import Testing
import ComplaintLMDB
import EventLog

/// The README's embedding example, verbatim between the markers (the directory is a temp one and
/// the subscription is bounded; both are noted in the README).
@Suite struct ReadmeExampleTests {
    @Test func theReadmeEmbeddingExampleRuns() async throws {
        let directory = NSTemporaryDirectory() + "readme-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var seen: [String] = []
        // README begin
        let engine = try await ComplaintEngine.open(
            directory: directory, configuration: EngineConfiguration(policy: .standard))
        defer { engine.close() }

        let feed = Task {                                   // subscribe: catch up, then follow new commits
            var types: [String] = []
            for try await event in engine.events(from: 1) where event.stream == "C-1" {
                types.append(event.decided.event.typeName)
                if types.count == 2 { break }
            }
            return types
        }
        try await engine.handle(CommandEnvelope(            // handle: decided, logged, projected
            commandId: "web-4711", streamId: "C-1", actor: Actor(id: "agent-7", role: .agent),
            command: .receiveComplaint(ReceiveComplaint(
                customer: CustomerDetails(id: "cust-42", name: "Li Lei"), channel: .phone,
                description: "The parcel arrived damaged."))))
        try await engine.handle(CommandEnvelope(
            commandId: "web-4712", streamId: "C-1", actor: Actor(id: "agent-7", role: .agent),
            command: .acknowledgeComplaint(AcknowledgeComplaint(channel: .sms))))

        let complaint = try engine.complaint("C-1")         // query: state, queues, KPIs
        print(complaint!.status, complaint!.acknowledged)            // received true
        print(try engine.queueIds("unassigned"))                      // ["C-1"]
        print(try engine.kpis()[.acknowledgementOnTimeRate].value!)   // 1.0: acknowledged within 2 h
        print(try await feed.value)                      // ["ComplaintReceived", "ComplaintAcknowledged"]
        // README end
        seen = try await feed.value
        #expect(complaint?.status == .received && complaint?.acknowledged == true)
        #expect(try engine.queueIds("unassigned") == ["C-1"])
        #expect(try engine.kpis()[.acknowledgementOnTimeRate].value == 1.0)
        #expect(seen == ["ComplaintReceived", "ComplaintAcknowledged"])
    }
}
