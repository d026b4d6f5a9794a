import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

private let analyst = Actor(id: "qa-1", role: .qualityAnalyst)
private let manager = Actor(id: "mgr-1", role: .manager)

/// A store with email complaints driven through the engine, and improvement cycles on it.
///
/// Baseline (Monday 2026-03-02, Asia/Shanghai): two email complaints acknowledged after 60 minutes.
/// Cycle IMP-1 is opened on Tuesday 09:00 and its one action completed at 10:00 (end of Do). Result
/// complaints (Tuesday 11:00 and 11:20) are acknowledged after `resultMinutes`.
private final class ImprovementRun {
    let store = Store()
    let clock = ManualClock(shanghai("2026-03-02T09:00:00"))
    var engine: ComplaintEngine
    private var counter = 0

    init() async throws {
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(policy: .standard, clock: clock))
    }

    func finish() {
        engine.close()
        store.remove()
    }

    @discardableResult
    func run(_ stream: String, at local: String, _ command: WorkflowCommand, as actor: Actor = analyst, id: String? = nil)
        async throws(EngineError) -> [LoggedEvent]
    {
        clock.set(shanghai(local))
        counter += 1
        return try await engine.handle(CommandEnvelope(
            commandId: id ?? "i\(counter)", streamId: stream, actor: actor, command: command))
    }

    func receiveEmail(_ stream: String, at local: String) async throws {
        try await run(stream, at: local, .receiveComplaint(ReceiveComplaint(
            customer: CustomerDetails(id: "cust-\(stream)"), channel: .email, description: "complaint \(stream)")), as: agent)
    }

    func emailComplaint(_ stream: String, at local: String, acknowledgedAt ack: String) async throws {
        try await receiveEmail(stream, at: local)
        try await run(stream, at: ack, .acknowledgeComplaint(AcknowledgeComplaint(channel: .email)), as: agent)
    }

    static let baseline = Period(from: shanghai("2026-03-02T00:00:00"), to: shanghai("2026-03-03T00:00:00"))

    /// The baseline complaints, then IMP-1 up to `checking`.
    func planAndDo() async throws {
        try await emailComplaint("E-1", at: "2026-03-02T09:00:00", acknowledgedAt: "2026-03-02T10:00:00")
        try await emailComplaint("E-2", at: "2026-03-02T10:00:00", acknowledgedAt: "2026-03-02T11:00:00")
        try await run("IMP-1", at: "2026-03-03T09:00:00", .openImprovement(OpenImprovement(
            trigger: .caseReview, evidence: ["E-1", "E-2"], problem: "email acknowledgements are slow", owner: analyst.id)))
        try await run("IMP-1", at: "2026-03-03T09:05:00", .recordImprovementRootCause(RecordImprovementRootCause(
            causeClass: .production, method: .fiveWhy, description: "nobody watches the email queue")))
        try await run("IMP-1", at: "2026-03-03T09:06:00", .setObjective(SetObjective(
            objectiveId: "ack-email", kpi: .meanAcknowledgementMinutes, filter: ObjectiveFilter(channel: .email),
            baseline: Self.baseline, target: 30)))
        try await run("IMP-1", at: "2026-03-03T09:07:00", .planAction(PlanAction(
            actionId: "A1", owner: analyst.id, due: shanghai("2026-03-04T18:00:00"),
            acceptanceCriterion: "the email queue has a watcher", type: .process)))
        try await run("IMP-1", at: "2026-03-03T09:08:00", .submitPlan(SubmitPlan()))
        try await run("IMP-1", at: "2026-03-03T09:09:00", .approvePlan(ApprovePlan()), as: manager)
        try await run("IMP-1", at: "2026-03-03T09:10:00", .startAction(StartAction(actionId: "A1")))
        try await run("IMP-1", at: "2026-03-03T10:00:00", .completeAction(CompleteAction(actionId: "A1")))
    }

    func resultComplaints(ackAfter minutes: Int) async throws {
        let ack1 = shanghai("2026-03-03T11:00:00").addingTimeInterval(Double(minutes) * 60)
        let ack2 = shanghai("2026-03-03T11:20:00").addingTimeInterval(Double(minutes) * 60)
        try await receiveEmail("E-3", at: "2026-03-03T11:00:00")
        try await receiveEmail("E-4", at: "2026-03-03T11:20:00")
        try await run("E-3", at: local(ack1), .acknowledgeComplaint(AcknowledgeComplaint(channel: .email)), as: agent)
        try await run("E-4", at: local(ack2), .acknowledgeComplaint(AcknowledgeComplaint(channel: .email)), as: agent)
    }

    private func local(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return String(formatter.string(from: date).prefix(19))
    }

    /// The engine's own KPI figure, for comparing with what EffectEvaluated recorded.
    func figure(_ from: String, _ to: String) throws -> Double? {
        try engine.kpis(from: shanghai(from), to: shanghai(to), where: KPISlice(channel: .email)).value(.meanAcknowledgementMinutes)
    }
}

private func evaluated(_ events: [LoggedEvent]) -> EffectEvaluated? {
    for event in events { if case .effectEvaluated(let evaluated) = event.decided.event { return evaluated } }
    return nil
}

@Suite struct ImprovementEngineTests {
    @Test func aFullEffectiveCycleMeasuresTheFiguresAndCloses() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.planAndDo()
        #expect(try run.engine.improvement("IMP-1")?.status == .checking)
        #expect(try run.engine.improvements(status: .checking) == ["IMP-1"])
        try await run.resultComplaints(ackAfter: 10)

        let events = try await run.run("IMP-1", at: "2026-03-03T17:00:00", .evaluateEffect(EvaluateEffect()))
        let effect = try #require(evaluated(events))
        #expect(events.count == 1)
        #expect(effect.verdict == .effective)
        let objective = try #require(effect.objectives.first)
        let baseline = try run.figure("2026-03-02T00:00:00", "2026-03-03T00:00:00")
        let result = try run.figure("2026-03-03T10:00:00", "2026-03-03T17:00:00")
        #expect(baseline != nil && result != nil)
        #expect(objective.baselineFigure == baseline)
        #expect(objective.resultFigure == result)
        #expect(try #require(result) < 30 && 30 < (try #require(baseline)))
        #expect(effect.window == Period(from: shanghai("2026-03-03T10:00:00"), to: shanghai("2026-03-03T17:00:00")))
        #expect(try run.engine.improvement("IMP-1")?.status == .standardising)

        try await run.run("IMP-1", at: "2026-03-03T18:00:00", .standardise(Standardise(
            standardReference: "SOP-email-7", trainingDone: true)))
        let closed = try #require(try run.engine.improvement("IMP-1"))
        #expect(closed.status == .closed)
        #expect(closed.outcome == .standardised)
        #expect(try run.engine.improvements(status: .closed) == ["IMP-1"])
        #expect(try run.engine.improvements(status: .checking).isEmpty)
        #expect(try run.engine.improvements() == ["IMP-1"])
    }

    @Test func anIneffectiveEvaluationOpensTheNextCycleInTheSameCommit() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.planAndDo()
        try await run.resultComplaints(ackAfter: 90)
        let before = try run.engine.log.streamState("IMP-1")?.version ?? 0

        let events = try await run.run("IMP-1", at: "2026-03-03T17:00:00", .evaluateEffect(EvaluateEffect(nextCycleId: "IMP-2")))
        let effect = try #require(evaluated(events))
        #expect(effect.verdict == .ineffective)
        #expect(effect.nextCycleId == "IMP-2")
        #expect(effect.objectives.first?.resultFigure == (try run.figure("2026-03-03T10:00:00", "2026-03-03T17:00:00")))
        #expect(events.map(\.stream) == ["IMP-1", "IMP-2"])
        // One commit: both streams moved by the one command.
        #expect(try run.engine.log.streamState("IMP-1")?.version == before + 1)
        #expect(try run.engine.log.streamState("IMP-2")?.kind == StreamKind.improvement.rawValue)
        #expect(Set(events.map(\.position)).count == 2 && events[1].position == events[0].position + 1)

        let first = try #require(try run.engine.improvement("IMP-1"))
        #expect(first.status == .closed && first.outcome == .nextCycle && first.nextCycleId == "IMP-2")
        let next = try #require(try run.engine.improvement("IMP-2"))
        #expect(next.status == .open && next.previousCycleId == "IMP-1")
        #expect(next.objectives.map(\.objectiveId) == ["ack-email"])
        #expect(try run.engine.improvements(status: .open) == ["IMP-2"])
        #expect(try run.engine.improvements() == ["IMP-1", "IMP-2"])
    }

    @Test func anEvaluationNeedingANextCycleIdIsRefusedAndRecordsNothing() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.planAndDo()
        try await run.resultComplaints(ackAfter: 90)
        let head = try run.engine.log.streamState("IMP-1")?.version
        await #expect(throws: EngineError.self) {
            try await run.run("IMP-1", at: "2026-03-03T17:00:00", .evaluateEffect(EvaluateEffect()))
        }
        // The next cycle's id names an existing stream.
        do {
            try await run.run("IMP-1", at: "2026-03-03T17:00:00", .evaluateEffect(EvaluateEffect(nextCycleId: "E-1")))
            Issue.record("an existing next cycle stream was accepted")
        } catch {
            guard case .refused(let refusal) = error else { Issue.record("unexpected \(error)"); return }
            #expect(refusal.code == .streamExists)
        }
        #expect(try run.engine.log.streamState("IMP-1")?.version == head)
        #expect(try run.engine.improvement("IMP-1")?.status == .checking)
    }

    @Test func refusalsPlanIncompleteAndWrongRole() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.run("IMP-9", at: "2026-03-03T09:00:00", .openImprovement(OpenImprovement(
            trigger: .caseReview, problem: "slow", owner: analyst.id)))
        do {
            try await run.run("IMP-9", at: "2026-03-03T09:01:00", .submitPlan(SubmitPlan()))
            Issue.record("an incomplete plan was submitted")
        } catch {
            guard case .refused(let refusal) = error else { Issue.record("unexpected \(error)"); return }
            #expect(refusal.code == .planIncomplete)
        }
        do {
            try await run.run("IMP-8", at: "2026-03-03T09:02:00", .openImprovement(OpenImprovement(
                trigger: .caseReview, problem: "slow", owner: agent.id)), as: agent)
            Issue.record("an agent opened a cycle")
        } catch {
            guard case .refused(let refusal) = error else { Issue.record("unexpected \(error)"); return }
            #expect(refusal.code == .notPermitted)
        }
        #expect(try run.engine.log.streamState("IMP-8")?.version == nil)
        #expect(try run.engine.improvement("IMP-9")?.status == .open)
        #expect(try run.engine.improvements() == ["IMP-9"])
    }

    @Test func aRetriedCommandIdReturnsTheOriginalEventsAndRecordsNothing() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.planAndDo()
        try await run.resultComplaints(ackAfter: 90)
        let command = WorkflowCommand.evaluateEffect(EvaluateEffect(nextCycleId: "IMP-2"))
        let first = try await run.run("IMP-1", at: "2026-03-03T17:00:00", command, id: "eval-1")
        let head = try run.engine.log.headPosition()
        let again = try await run.run("IMP-1", at: "2026-03-03T18:00:00", command, id: "eval-1")
        #expect(again == first)
        #expect(try run.engine.log.headPosition() == head)
        // The same id for another command is refused.
        await #expect(throws: EngineError.self) {
            try await run.run("IMP-2", at: "2026-03-03T18:00:00", .cancelImprovement(CancelImprovement(reason: "x")),
                              as: manager, id: "eval-1")
        }
    }

    @Test func rebuildingLeavesTheImprovementsProjectionByteIdentical() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.planAndDo()
        try await run.resultComplaints(ackAfter: 90)
        try await run.run("IMP-1", at: "2026-03-03T17:00:00", .evaluateEffect(EvaluateEffect(nextCycleId: "IMP-2")))
        try await run.run("IMP-2", at: "2026-03-03T17:30:00", .cancelImprovement(CancelImprovement(reason: "merged")), as: manager)
        let maintained = try run.engine.log.dumpProjection("improvements")
        #expect(maintained.count == 4)  // two states, two index entries
        try run.engine.log.rebuildProjections()
        let rebuilt = try run.engine.log.dumpProjection("improvements")
        #expect(rebuilt.map(\.key) == maintained.map(\.key))
        #expect(rebuilt.map(\.value) == maintained.map(\.value))
    }
}

@Suite struct ImprovementConcurrencyTests {
    /// Concurrent commands on one cycle: each decides from the version it saw; the loser of the
    /// version race decides again and is recorded too.
    @Test func concurrentCommandsOnOneCycleAreAllRecorded() async throws {
        let run = try await ImprovementRun()
        defer { run.finish() }
        try await run.run("IMP-5", at: "2026-03-03T09:00:00", .openImprovement(OpenImprovement(
            trigger: .caseReview, problem: "slow", owner: analyst.id)))
        let engine = run.engine
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    try await engine.handle(CommandEnvelope(
                        commandId: "rc-\(i)", streamId: "IMP-5", actor: analyst,
                        command: .recordImprovementRootCause(RecordImprovementRootCause(
                            causeClass: .production, method: .fiveWhy, description: "cause \(i)"))))
                }
            }
            try await group.waitForAll()
        }
        #expect(try engine.improvement("IMP-5")?.rootCauses.count == 8)
        #expect(try engine.log.streamState("IMP-5")?.version == 9)
    }
}
