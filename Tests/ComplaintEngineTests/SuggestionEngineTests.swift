import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// The engine runs the policy's suggestion rules (DOMAIN.md §7) when time passes and records what
/// they find, once.
@Suite struct SuggestionEngineTests {
    /// Receives, triages, investigates and closes (referred) complaint `stream` with a root cause.
    static func closeWithRootCause(
        _ engine: ComplaintEngine, _ stream: String, _ causeClass: CauseClass, category: Category = .logistics
    ) async throws {
        let steps: [(WorkflowCommand, Actor)] = [
            (receive, agent),
            (.classifyComplaint(ClassifyComplaint(category: category)), agent),
            (.assessSeverity(AssessSeverity(severity: .general, urgency: .normal)), agent),
            (.assignComplaint(AssignComplaint(owner: "agent-7")), supervisor),
            (.startInvestigation(StartInvestigation()), supervisor),
            (.recordRootCause(RecordRootCause(causeClass: causeClass, method: .fiveWhy, description: "why")), supervisor),
            (.closeComplaint(CloseComplaint(reason: .referred)), supervisor),
        ]
        for (index, (command, actor)) in steps.enumerated() {
            try await engine.handle(envelope("\(stream)-\(index)", command, as: actor, stream: stream))
        }
    }

    static func suggestions(_ engine: ComplaintEngine) throws -> [ImprovementSuggested] {
        try engine.log.readStream(SuggestedImprovement.streamId).map { record in
            let event = try EventCodec().decode(
                typeName: record.type, schemaVersion: Int(record.schemaVersion), payload: record.payload)
            guard case .improvementSuggested(let suggestion) = event else {
                Issue.record("not a suggestion: \(record.type)")
                throw CancellationError()
            }
            return suggestion
        }
    }

    @Test func fiveClosuresWithOneRootCauseInThirtyDaysAreSuggestedOnceWhenTimePasses() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }

        for index in 1...4 {
            try await Self.closeWithRootCause(engine, "C-\(index)", .production)
            clock.advance(by: 3_600)
        }
        // Another class and another category do not make up the fifth.
        try await Self.closeWithRootCause(engine, "C-X", .serviceError)
        try await Self.closeWithRootCause(engine, "C-Y", .production, category: .productQuality)
        try await engine.advance(to: clock.now().addingTimeInterval(60))
        #expect(try Self.suggestions(engine).isEmpty)

        try await Self.closeWithRootCause(engine, "C-5", .production)
        try await engine.advance(to: clock.now().addingTimeInterval(60))
        let recorded = try Self.suggestions(engine)
        #expect(recorded.count == 1)
        let suggestion = try #require(recorded.first)
        #expect(suggestion.rule == .recurringRootCause)
        #expect(Set(suggestion.evidence) == ["C-1", "C-2", "C-3", "C-4", "C-5"])
        #expect(suggestion.figures.causeClass == .production && suggestion.figures.category == .logistics)
        let logged = try #require(try engine.log.readStream(SuggestedImprovement.streamId).first)
        #expect(logged.commandID == "suggestion:\(suggestion.suggestionId)")

        // Running the rules again, by hand or by time passing, records nothing new.
        #expect(try await engine.recordImprovementSuggestions().isEmpty)
        try await engine.advance(to: clock.now().addingTimeInterval(60))
        #expect(try Self.suggestions(engine).count == 1)
    }

    @Test func aKPIMissingItsTargetForTwoCompletedMonthsIsSuggestedAfterTheSecondEnds() async throws {
        let store = Store()
        defer { store.remove() }
        let march2 = ISO8601DateFormatter().date(from: "2026-03-02T09:00:00+08:00")!
        let april2 = ISO8601DateFormatter().date(from: "2026-04-02T09:00:00+08:00")!
        let may4 = ISO8601DateFormatter().date(from: "2026-05-04T09:00:00+08:00")!
        let clock = ManualClock(march2)
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        // Received and never resolved: the resolution rate (target 0.95) is 0 in March and in April.
        try await engine.handle(envelope("m1", receive, stream: "C-M"))
        try await engine.advance(to: april2)
        #expect(try Self.suggestions(engine).isEmpty, "one month below target is not yet a run of two")
        try await engine.handle(envelope("a1", receive, stream: "C-A"))

        // A restart in between: the check runs again after opening, and finds nothing twice.
        engine.close()
        engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        defer { engine.close() }
        try await engine.advance(to: may4)
        let recorded = try Self.suggestions(engine)
        #expect(recorded.map(\.rule) == [.kpiBelowTarget])
        let suggestion = try #require(recorded.first)
        #expect(suggestion.figures.kpi == .resolutionRate)
        #expect(suggestion.evidence == ["2026-03", "2026-04"])
        #expect(suggestion.figures.values == [0, 0])
        #expect(try await engine.recordImprovementSuggestions().isEmpty)
    }

    @Test func aReadOnlyEngineRecordsNoSuggestions() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        do {
            let engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
            defer { engine.close() }
            for index in 1...5 { try await Self.closeWithRootCause(engine, "C-\(index)", .production) }
        }
        let reader = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(clock: clock, access: .readOnly))
        defer { reader.close() }
        #expect(try await reader.recordImprovementSuggestions().isEmpty)
        #expect(try reader.log.streamState(SuggestedImprovement.streamId) == nil)
    }
}
