@testable import ComplaintCLI
import ComplaintEngine
import Foundation
import Testing
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

@Suite struct DemoCommandTests {
    @Test func theSameSeedPrintsTheSameMonth() async throws {
        let first = TempDirectory()
        let second = TempDirectory()
        defer { first.remove(); second.remove() }
        let one = try await demoStore(first)
        let two = try await demoStore(second)
        #expect(masked(one.output, store: first.store) == masked(two.output, store: second.store))
        #expect(one.output != masked(one.output, store: first.store), "hashes are printed (and masked)")
        for section in ["== Queues", "== KPI board by category", "== KPI board by channel", "== Audit trail of", "== Improvement cycle",
                        "== Erasure", "== Verify", "chain intact"] {
            #expect(one.output.contains(section), "missing \(section)")
        }
        #expect(one.output.contains("refused: 0"), "the simulation is consistent with the workflow")
        #expect(one.diagnostics.contains("store: \(first.store)"))
    }

    @Test func anotherSeedSimulatesAnotherMonth() async throws {
        let first = TempDirectory()
        let second = TempDirectory()
        defer { first.remove(); second.remove() }
        let one = try await demoStore(first, seed: "1")
        let two = try await demoStore(second, seed: "2")
        #expect(masked(one.output, store: first.store) != masked(two.output, store: second.store))
    }

    @Test func theMonthHasWhatTheDemoPromises() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await demoStore(directory)
        let engine = try await ComplaintEngine.open(directory: directory.store, configuration: .init(access: .readOnly))
        defer { engine.close() }
        var types: [String: Int] = [:]
        let head = try engine.log.headPosition()
        for try await event in engine.events(from: 1) {
            types[event.decided.event.typeName, default: 0] += 1
            if event.position >= head { break }
        }
        for type in ["ComplaintAcknowledged", "SlaBreached", "ComplaintEscalated", "ResolutionApproved", "ResolutionRejected",
                     "CustomerRejected", "ComplaintReopened", "CustomerForgotten", "ImprovementOpened", "EffectEvaluated",
                     "InteractionsRecorded", "SatisfactionRecorded"] {
            #expect(types[type, default: 0] > 0, "no \(type) in the demo month")
        }
        let report = try engine.kpis()
        let acknowledgement = try #require(report.value(.acknowledgementOnTimeRate))
        #expect(acknowledgement > 0 && acknowledgement < 1, "acknowledgements both late and on time")
        #expect(try engine.improvement("PDCA-1")?.objectives.first?.resultFigure != nil)
    }

    @Test func aNonEmptyStoreIsRefusedUnlessFresh() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await ctl("demo", "--store", directory.store, "--days", "1", "--per-day", "5")
        let error = await ctlError("demo", "--store", directory.store, "--days", "1", "--per-day", "5")
        #expect(error?.code == "storeNotEmpty")
        let again = try await ctl("demo", "--store", directory.store, "--days", "1", "--per-day", "5", "--fresh")
        #expect(again.output.contains("chain intact"))
    }
}
