import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Improvement coding")
struct ImprovementCodingTests {
    static let evaluation = EffectEvaluated(
        window: PDCA.january, nextCycleId: "PDCA-2", verdict: .partial,
        objectives: [ObjectiveEvaluation(objectiveId: "o1", kpi: .satisfactionRate, target: 0.9, baselineFigure: 0.8, resultFigure: nil)])

    static let events: [WorkflowEvent] = [
        .improvementOpened(ImprovementOpened(opening: PDCA.open)),
        .improvementOpened(ImprovementOpened(opening: PDCA.open, objectives: [PDCA.objective])),
        .improvementRootCauseRecorded(PDCA.rootCause),
        .objectiveSet(PDCA.objective),
        .actionPlanned(PDCA.actionA1),
        .planSubmitted(SubmitPlan()),
        .planApproved(ApprovePlan(note: "ok")),
        .planRejected(RejectPlan(reason: "no")),
        .actionStarted(StartAction(actionId: "a1")),
        .actionCompleted(CompleteAction(actionId: "a1", note: "done")),
        .actionDropped(DropAction(actionId: "a2")),
        .effectEvaluated(evaluation),
        .improvementStandardised(Standardise(standardReference: "SOP-7", trainingDone: true)),
        .improvementClosed(CancelImprovement(reason: "obsolete")),
        .improvementSuggested(ImprovementSuggested(
            suggestionId: "kpiBelowTarget:resolutionRate:2026-01..2026-02", rule: .kpiBelowTarget, evidence: ["2026-01", "2026-02"],
            figures: SuggestionFigures(kpi: .resolutionRate, target: 0.95, values: [0.9, 0.91]))),
    ]

    @Test func everyImprovementEventTypeHasASample() {
        #expect(Set(Self.events.map(\.type)) == Set(EventType.allCases.filter(\.isImprovement)))
        #expect(EventType.allCases.filter(\.isImprovement).count == 14)
    }

    @Test(arguments: events)
    func roundTripsThroughTheCodec(_ event: WorkflowEvent) throws {
        let codec = EventCodec()
        let payload = try codec.encode(event)
        #expect(try codec.decode(typeName: event.typeName, schemaVersion: event.schemaVersion, payload: payload) == event)
        let json = try JSONEncoder().encode(EncodedData(encode: event.encodeData))
        let decoder = JSONDecoder()
        decoder.userInfo[EventProbe.typeKey] = event.type
        #expect(try decoder.decode(EventProbe.self, from: json).event == event)
    }

    @Test func openedIsFlatAndOmitsEmptyObjectives() throws {
        let plain = try JSONEncoder().encode(EncodedData(encode: WorkflowEvent.improvementOpened(ImprovementOpened(opening: PDCA.open)).encodeData))
        let object = try #require(try JSONSerialization.jsonObject(with: plain) as? [String: Any])
        #expect(object["trigger"] as? String == "recurringProblem")
        #expect(object["owner"] as? String == "owner-1")
        #expect(object["objectives"] == nil)
    }

    @Test func commandsDecodeFromTheirFieldNames() throws {
        struct Probe: Decodable {
            let command: WorkflowCommand
            init(from decoder: any Decoder) throws { command = try WorkflowCommand(name: .openImprovement, from: decoder) }
        }
        let json = Data(#"{"trigger": "manual", "problem": "Slow refunds", "owner": "qa-1"}"#.utf8)
        let command = try JSONDecoder().decode(Probe.self, from: json).command
        #expect(command == .openImprovement(OpenImprovement(trigger: .manual, problem: "Slow refunds", owner: "qa-1")))
        struct Submit: Decodable {
            let command: WorkflowCommand
            init(from decoder: any Decoder) throws { command = try WorkflowCommand(name: .submitPlan, from: decoder) }
        }
        #expect(try JSONDecoder().decode(Submit.self, from: Data("{}".utf8)).command == .submitPlan(SubmitPlan()))
        #expect(CommandName(rawValue: "EvaluateEffect")?.isImprovement == true)
        #expect(CommandName.forgetCustomer.isImprovement == false)
    }

    @Test func stateRoundTrips() throws {
        let state = CycleStage.closedNextCycle.harness().cycle
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(ImprovementState.self, from: data) == state)
    }

    @Test func improvementEventsLeaveComplaintStatesAlone() {
        let complaint = Stage.received.harness().complaint
        let decided = DecidedEvent(.planSubmitted(SubmitPlan()), actor: Actors.owner, occurredAt: monday9)
        #expect(evolve(complaint, decided, policy: .standard) == complaint)
        let cycle = CycleStage.open.harness().cycle
        let complaintEvent = DecidedEvent(.complaintAcknowledged(AcknowledgeComplaint(channel: .phone)), actor: Actors.agent, occurredAt: monday9)
        #expect(evolveImprovement(cycle, complaintEvent) == cycle)
    }
}

/// Decodes an event of the type in `userInfo[typeKey]`.
struct EventProbe: Decodable {
    static let typeKey = CodingUserInfoKey(rawValue: "eventType")!
    let event: WorkflowEvent
    init(from decoder: any Decoder) throws {
        event = try WorkflowEvent(type: decoder.userInfo[Self.typeKey] as! EventType, from: decoder)
    }
}
