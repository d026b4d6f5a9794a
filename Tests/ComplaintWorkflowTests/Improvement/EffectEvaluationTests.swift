import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// One objective's figures and the verdict DOMAIN.md §7 gives them.
struct VerdictCase: CustomStringConvertible, Sendable {
    var kpi: KPI
    var target: Double
    var baseline: Double?
    var result: Double?
    var verdict: EffectVerdict

    var description: String {
        "\(kpi.rawValue)(\(kpi.direction.rawValue)) target \(target) baseline \(baseline.map { "\($0)" } ?? "null") result \(result.map { "\($0)" } ?? "null") → \(verdict.rawValue)"
    }

    static let all: [VerdictCase] = [
        // higher is better
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: 0.95, verdict: .effective),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: 0.9, verdict: .effective),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: 0.85, verdict: .partial),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: 0.8, verdict: .ineffective),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: 0.7, verdict: .ineffective),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: nil, result: 0.95, verdict: .ineffective),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: nil, verdict: .ineffective),
        VerdictCase(kpi: .satisfactionRate, target: 0.9, baseline: 0.8, result: .nan, verdict: .ineffective),
        // lower is better
        VerdictCase(kpi: .reopenRate, target: 0.05, baseline: 0.1, result: 0.04, verdict: .effective),
        VerdictCase(kpi: .reopenRate, target: 0.05, baseline: 0.1, result: 0.05, verdict: .effective),
        VerdictCase(kpi: .reopenRate, target: 0.05, baseline: 0.1, result: 0.07, verdict: .partial),
        VerdictCase(kpi: .reopenRate, target: 0.05, baseline: 0.1, result: 0.1, verdict: .ineffective),
        VerdictCase(kpi: .reopenRate, target: 0.05, baseline: 0.1, result: 0.12, verdict: .ineffective),
        VerdictCase(kpi: .reopenRate, target: 0.05, baseline: nil, result: nil, verdict: .ineffective),
        VerdictCase(kpi: .meanAcknowledgementMinutes, target: 60, baseline: 150, result: 90, verdict: .partial),
        VerdictCase(kpi: .meanAcknowledgementMinutes, target: 60, baseline: 150, result: 45, verdict: .effective),
    ]
}

@Suite("Effect evaluation")
struct EffectEvaluationTests {
    /// A cycle in `checking` whose only objective is `case`'s, measured with `case`'s figures.
    static func checking(_ verdictCase: VerdictCase) -> CycleHarness {
        var harness = CycleStage.checking.harness()
        var state = harness.cycle
        state.objectives = [ImprovementState.Objective(
            SetObjective(objectiveId: "o1", kpi: verdictCase.kpi, baseline: PDCA.january, target: verdictCase.target))]
        harness.state = state
        harness.measurements = ImprovementMeasurements(["o1": ObjectiveFigures(baseline: verdictCase.baseline, result: verdictCase.result)])
        return harness
    }

    @Test(arguments: VerdictCase.all)
    func verdictRule(_ verdictCase: VerdictCase) throws {
        var harness = Self.checking(verdictCase)
        let decision = try harness.send(.evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")), as: Actors.analyst)
        guard case .effectEvaluated(let evaluated) = try #require(decision.events.first).event else {
            Issue.record("expected EffectEvaluated")
            return
        }
        #expect(evaluated.verdict == verdictCase.verdict)
        #expect(harness.cycle.verdict == verdictCase.verdict)
        let finite = { (value: Double?) in value.flatMap { $0.isFinite ? $0 : nil } }
        #expect(harness.cycle.objectives.first?.baselineFigure == finite(verdictCase.baseline))
        #expect(harness.cycle.objectives.first?.resultFigure == finite(verdictCase.result))
        if verdictCase.verdict == .effective {
            #expect(harness.cycle.status == .standardising)
            #expect(harness.cycle.outcome == nil)
            #expect(decision.otherStreams.isEmpty)
            #expect(evaluated.nextCycleId == nil)
        } else {
            #expect(harness.cycle.status == .closed)
            #expect(harness.cycle.outcome == .nextCycle)
            #expect(harness.cycle.nextCycleId == "PDCA-2")
            #expect(Array(decision.otherStreams.keys) == ["PDCA-2"])
        }
    }

    @Test func everyObjectiveCounts() {
        let reached = ObjectiveEvaluation(objectiveId: "a", kpi: .satisfactionRate, target: 0.9, baselineFigure: 0.8, resultFigure: 0.95)
        let improved = ObjectiveEvaluation(objectiveId: "b", kpi: .reopenRate, target: 0.05, baselineFigure: 0.1, resultFigure: 0.08)
        let reachedNotImproved = ObjectiveEvaluation(objectiveId: "c", kpi: .satisfactionRate, target: 0.9, baselineFigure: 0.95, resultFigure: 0.94)
        let worse = ObjectiveEvaluation(objectiveId: "d", kpi: .reopenRate, target: 0.05, baselineFigure: 0.1, resultFigure: 0.2)
        let null = ObjectiveEvaluation(objectiveId: "e", kpi: .satisfactionRate, target: 0.9, baselineFigure: nil, resultFigure: 0.99)
        #expect(EffectEvaluated.verdict(of: [reached, reachedNotImproved]) == .effective)
        #expect(EffectEvaluated.verdict(of: [reached, improved]) == .partial)
        #expect(EffectEvaluated.verdict(of: [reachedNotImproved, improved]) == .ineffective)
        #expect(EffectEvaluated.verdict(of: [reached, worse]) == .ineffective)
        #expect(EffectEvaluated.verdict(of: [reached, null]) == .ineffective)
        #expect(EffectEvaluated.verdict(of: []) == .ineffective)
    }

    @Test func aMissingMeasurementIsNull() throws {
        var harness = CycleStage.checking.harness()
        harness.measurements = ImprovementMeasurements(["other": ObjectiveFigures(baseline: 0.1, result: 0.99)])
        try harness.send(.evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")), as: Actors.analyst)
        #expect(harness.cycle.verdict == .ineffective)
    }

    @Test func theNextCycleOpensInTheSameDecision() throws {
        var harness = CycleStage.checking.harness()
        harness.measurements = ImprovementMeasurements(["o1": ObjectiveFigures(baseline: 0.8, result: 0.85)])
        let decision = try harness.send(.evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")), as: Actors.supervisor)
        let next = try #require(decision.otherStreams["PDCA-2"])
        #expect(next.count == 1)
        let opened = try #require(next.first)
        #expect(opened.actor == Actors.supervisor)
        #expect(opened.occurredAt == harness.now)
        guard case .improvementOpened(let data) = opened.event else {
            Issue.record("expected ImprovementOpened")
            return
        }
        #expect(data.trigger == .kpiBelowTarget)
        #expect(data.previousCycleId == "PDCA-1")
        #expect(data.owner == "owner-1")
        #expect(data.evidence == ["C-1", "C-2"])
        #expect(data.objectives == [PDCA.objective])
        #expect(ImprovementDecision.otherStreamKind == .improvement)
        // Folding it gives the next cycle, open, with the same objectives and no figures.
        let nextState = try #require(evolveImprovement(nil, opened))
        #expect(nextState.status == .open)
        #expect(nextState.previousCycleId == "PDCA-1")
        #expect(nextState.objectives.map(\.asCommand) == [PDCA.objective])
        #expect(nextState.objectives.allSatisfy { $0.baselineFigure == nil && $0.resultFigure == nil })
        #expect(harness.cycle.verdict == .partial)
        #expect(harness.cycle.nextCycleId == "PDCA-2")
    }

    @Test func aNextCycleIdIsRequiredUnlessEffective() throws {
        var harness = CycleStage.checking.harness()
        harness.measurements = PDCA.ineffective
        let error = harness.refusal(.evaluateEffect(EvaluateEffect()), as: Actors.analyst)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "nextCycleId")
        harness.nextCycleExists = true
        #expect(harness.refusal(.evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")), as: Actors.analyst)?.code == .streamExists)
        var effective = CycleStage.checking.harness()
        effective.measurements = PDCA.effective
        effective.nextCycleExists = true
        let decision = try effective.send(.evaluateEffect(EvaluateEffect()), as: Actors.analyst)
        #expect(decision.otherStreams.isEmpty)
        #expect(effective.cycle.status == .standardising)
    }

    @Test func theResultWindowDefaultsToTheEndOfDoUntilNow() throws {
        var harness = CycleStage.checking.harness()
        let doEnded = try #require(harness.cycle.doEndedAt)
        harness.advance(by: 30 * 86_400)
        harness.measurements = PDCA.effective
        let decision = try harness.send(.evaluateEffect(EvaluateEffect()), as: Actors.analyst)
        guard case .effectEvaluated(let evaluated) = decision.events[0].event else { Issue.record("expected EffectEvaluated"); return }
        #expect(evaluated.window == Period(from: doEnded, to: harness.now))
        #expect(harness.cycle.resultWindow == evaluated.window)

        var given = CycleStage.checking.harness()
        given.measurements = PDCA.effective
        let window = Period(from: monday9, to: monday9.addingTimeInterval(86_400))
        #expect(given.cycle.resultWindow(for: EvaluateEffect(window: window), now: given.now) == window)
        let explicit = try given.send(.evaluateEffect(EvaluateEffect(window: window)), as: Actors.analyst)
        guard case .effectEvaluated(let evaluatedGiven) = explicit.events[0].event else { Issue.record("expected EffectEvaluated"); return }
        #expect(evaluatedGiven.window == window)
        #expect(given.refusal(.evaluateEffect(EvaluateEffect(window: Period(from: monday9, to: monday9))), as: Actors.analyst)?.field == "window")
    }
}
