@testable import ComplaintCLI
import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import Testing
import ComplaintLMDB
import EventLog

/// Every reading command against a demo store, compared with the engine's own answers.
@Suite struct ReadCommandTests {
    /// Runs `body` with a demo store and a read-only engine on it.
    func withDemo(_ body: (TempDirectory, ComplaintEngine) async throws -> Void) async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        try await demoStore(directory)
        let engine = try await ComplaintEngine.open(directory: directory.store, configuration: .init(access: .readOnly))
        defer { engine.close() }
        try await body(directory, engine)
    }

    @Test func showPrintsTheStateNowAndAsOfAPosition() async throws {
        try await withDemo { directory, engine in
            let state = try #require(try engine.complaint("C-0001"))
            let json = try await ctl("show", "C-0001", "--store", directory.store, "--json").output
            #expect(json.contains("\"status\":\"\(state.status.rawValue)\""))
            #expect(json.contains("\"escalationLevel\":\(state.escalationLevel)"))
            let text = try await ctl("show", "C-0001", "--store", directory.store).output
            #expect(text.contains("status") && text.contains(state.status.rawValue) && text.contains("acknowledgement"))
            let first = try #require(try engine.auditTrail(complaint: "C-0001").first)
            let then = try await ctl("show", "C-0001", "--store", directory.store, "--as-of", String(first.position), "--json").output
            #expect(then.contains("\"status\":\"received\"") && then.contains("\"acknowledged\":false"))
            let error = await ctlError("show", "C-9999", "--store", directory.store)
            #expect(error?.code == "notFound")
            #expect(await ctlError("show", "C-0001", "--store", directory.store, "--as-of", "yesterday")?.code == "usage")
        }
    }

    @Test func queuePrintsTheEnginesOrderAndEveryQueuesSize() async throws {
        try await withDemo { directory, engine in
            for name in ["unassigned", "breached", "level:2", "awaitingCustomer"] {
                let ids = try engine.queueIds(name)
                let json = try await ctl("queue", name, "--store", directory.store, "--json", "--limit", "10000").output
                #expect(json.contains("\"ids\":[" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "]"), "\(name)")
            }
            let counts = try await ctl("queue", "--store", directory.store).output
            for (queue, count) in try engine.queueCounts() {
                #expect(counts.contains(queue.rawValue) && counts.contains(String(count)))
            }
            #expect(await ctlError("queue", "nonsense", "--store", directory.store)?.code == "validationFailed")
        }
    }

    @Test func auditPrintsTheTrailAndItsExport() async throws {
        try await withDemo { directory, engine in
            let trail = try engine.auditTrail(complaint: "C-0002")
            let text = try await ctl("audit", "C-0002", "--store", directory.store).output
            #expect(text.split(separator: "\n").count == trail.count + 1)
            #expect(text.contains("ComplaintReceived") && text.contains(String(trail[0].hash.hex.prefix(12))))
            let json = try await ctl("audit", "C-0002", "--store", directory.store, "--json").output
            #expect(json.split(separator: "\n").count == trail.count)
            #expect(json.contains("\"hash\":\"\(trail[0].hash.hex)\""))
            let system = try engine.auditTrail(actor: "system", limit: 10_000)
            let byActor = try await ctl("audit", "--actor", "system", "--store", directory.store).output
            #expect(byActor.split(separator: "\n").count == system.count + 1)
            let start = trail[0].recordedAt
            let window = try engine.auditTrail(from: start, to: start.addingTimeInterval(3_600), limit: 10_000)
            let byTime = try await ctl("audit", "--from", Instant.text(start), "--to", Instant.text(start.addingTimeInterval(3_600)),
                                       "--store", directory.store, "--json").output
            #expect(byTime.split(separator: "\n").count == window.count)
            #expect(await ctlError("audit", "C-0002", "--actor", "system", "--store", directory.store)?.code == "usage")
        }
    }

    @Test func historyPrintsACustomersComplaints() async throws {
        try await withDemo { directory, engine in
            let customer = try #require(try engine.complaint("C-0003")).customerId
            let history = try engine.customerHistory(customer)
            let text = try await ctl("history", customer, "--store", directory.store).output
            for complaint in history.complaints { #expect(text.contains(complaint.id)) }
            let json = try await ctl("history", customer, "--store", directory.store, "--json").output
            #expect(json.contains("\"standing\":\"\(history.standing)\""))
        }
    }

    @Test func kpiPrintsTheEnginesFigures() async throws {
        try await withDemo { directory, engine in
            let from = try StoreAccess.firstInstant(of: engine)
            let to = try StoreAccess.headInstant(of: engine).addingTimeInterval(1)
            let overall = try engine.kpis(from: from, to: to)
            let json = try await ctl("kpi", "--store", directory.store, "--json").output
            let expected = try #require(overall.value(.resolutionOnTimeRate))
            #expect(json.contains("\"resolutionOnTimeRate\":{\"value\":\(JSONValue.number(expected).text)"))
            let byCategory = try await ctl("kpi", "--by", "category", "--store", directory.store, "--json").output
            let logistics = try engine.kpis(from: from, to: to, where: KPISlice(category: .logistics))
            #expect(byCategory.contains("{\"group\":\"logistics\",\"received\":\(logistics[.resolutionRate].denominator)"))
            let text = try await ctl("kpi", "--by", "channel", "--store", directory.store).output
            #expect(text.contains("phone") && text.contains("complaint rate"))
            let daily = try await ctl("kpi", "--period", "day", "--store", directory.store, "--json").output
            let dayCount = KPIBoard.periods(.day, from: from, to: to, calendar: engine.policy.calendar).count
            #expect(dayCount == 3)
            #expect(daily.components(separatedBy: "\"group\":\"all\"").count - 1 == dayCount)
            let weekly = try await ctl("kpi", "--period", "week", "--by", "owner", "--store", directory.store).output
            #expect(weekly.contains("specialist-"))
            // --as-of folds the log up to that instant: the first day's complaints, as resolved by then.
            let dayOne = from.addingTimeInterval(86_400)
            let early = try await ctl("kpi", "--as-of", Instant.text(dayOne), "--store", directory.store, "--json").output
            let then = try engine.kpis(from: from, to: dayOne, asOf: .instant(dayOne))
            let now = try engine.kpis(from: from, to: dayOne)
            #expect(then[.resolutionRate].numerator < now[.resolutionRate].numerator)
            #expect(try resolvedCount(inKPIJSON: early) == then[.resolutionRate].numerator)
            #expect(early.contains("\"received\":\(then[.resolutionRate].denominator)"))
            #expect(await ctlError("kpi", "--by", "colour", "--store", directory.store)?.code == "usage")
        }
    }

    @Test func pdcaPrintsTheCycleWithItsMeasuredCheckAndTheSuggestions() async throws {
        try await withDemo { directory, engine in
            let state = try #require(try engine.improvement("PDCA-1"))
            let text = try await ctl("pdca", "PDCA-1", "--store", directory.store).output
            #expect(text.contains("PDCA-1: \(state.status.rawValue)") && text.contains("resolutionOnTimeRate"))
            #expect(text.contains("verdict: \(state.verdict?.rawValue ?? "not evaluated yet")"))
            let list = try await ctl("pdca", "--store", directory.store).output
            #expect(list.contains("PDCA-1") && list.contains("suggestion"))
            // The suggestions listed are the ones the engine recorded, PDCA-1's among them.
            let recorded = try engine.improvementSuggestions()
            let listed = try await ctl("pdca", "--store", directory.store, "--json").output
            #expect(recorded.count == listed.components(separatedBy: "\"suggestionId\"").count - 1)
            if let taken = state.suggestionId {
                #expect(recorded.contains { $0.suggestion.suggestionId == taken })
            }
            let json = try await ctl("pdca", "PDCA-1", "--store", directory.store, "--json").output
            #expect(json.contains("\"objectiveId\":\"O-1\""))
        }
    }

    @Test func verifyAndExportReadTheWholeLog() async throws {
        try await withDemo { directory, engine in
            let head = try engine.log.headPosition()
            let verify = try await ctl("verify", "--store", directory.store).output
            #expect(verify.contains("chain intact: positions 1–\(head)"))
            let json = try await ctl("verify", "--store", directory.store, "--json").output
            #expect(json.contains("\"intact\":true") && json.contains("\"checked\":\(head)"))
            let export = try await ctl("export", "--store", directory.store, "--format", "jsonl").output
            #expect(export.split(separator: "\n").count == Int(head))
            let tail = try await ctl("export", "--from", String(head - 4), "--store", directory.store, "--format", "jsonl").output
            #expect(tail.split(separator: "\n").count == 5)
            #expect(await ctlError("export", "--store", directory.store, "--format", "csv")?.code == "usage")
        }
    }

    @Test func policyShowPrintsTheLoggedPolicy() async throws {
        try await withDemo { directory, _ in
            let text = try await ctl("policy", "show", "--store", directory.store).output
            #expect(text.contains("policy standard") && text.contains("acknowledgement"))
            let json = try await ctl("policy", "show", "--store", directory.store, "--json").output
            #expect(try ServicePolicy.load(json: Data(json.utf8)) == ServicePolicy.standard)
        }
    }

    @Test func aMissingStoreIsAClearError() async throws {
        let directory = TempDirectory()
        defer { directory.remove() }
        let error = await ctlError("queue", "--store", directory.store)
        #expect(error?.code == "noStore")
        #expect(error?.message.contains(directory.store) == true)
    }

    /// The `resolutionRate` numerator of the single-row board printed by `kpi --json`.
    private func resolvedCount(inKPIJSON text: String) throws -> Double {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let kpis = try #require(rows.first?["kpis"] as? [String: Any])
        let rate = try #require(kpis["resolutionRate"] as? [String: Any])
        return try #require((rate["numerator"] as? NSNumber)?.doubleValue)
    }
}
