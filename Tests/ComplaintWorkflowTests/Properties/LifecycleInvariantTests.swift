import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// Random walks through the lifecycle: whatever commands arrive in whatever order, the
/// invariants of DOMAIN.md §3–§5 hold after every step.
@Suite("Lifecycle invariants")
struct LifecycleInvariantTests {
    static let actors = [
        Actors.agent, Actors.owner, Actors.specialist, Actors.supervisor, Actors.executive, Actors.customer, Actors.otherCustomer,
        Actors.analyst, Actors.auditor,
    ]

    /// Commands that close the complaint: drawn rarely, so walks get deep into the lifecycle.
    static let closingCommands: [WorkflowCommand] = [
        .withdrawComplaint(WithdrawComplaint()), .closeComplaint(CloseComplaint(reason: .referred)), .rejectAsFalse(RejectAsFalse(note: "false")),
        .closeComplaint(CloseComplaint(reason: .unreachable)),
    ]

    static let commands: [WorkflowCommand] = RowCase.all.map(\.command).filter { !closingNames.contains($0.name) } + [
        .verifyAuthenticity(VerifyAuthenticity(outcome: .falseMalicious, complete: true, methods: [.background])),
        .assessSeverity(AssessSeverity(severity: .critical, urgency: .urgent, factors: SeverityFactors(legalOrSafety: true, complexOrHardToJudge: true))),
        .assessSeverity(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(legalOrSafety: true))),
        .recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "no")),
        .recordCustomerResponse(RecordCustomerResponse(accepted: false, reason: "still no")),
        .reopenComplaint(ReopenComplaint(reason: "broke again")),
        .proposeResolution(Sample.propose(compensation: 150_000)),
        .recordProgress(RecordProgress(note: "no answer", customerNotified: true, customerReached: false)),
        .closeComplaint(CloseComplaint(reason: .resolved)),
        .escalateComplaint(EscalateComplaint(toLevel: 4, reason: "manager asked")),
        .startInvestigation(StartInvestigation(specialGroup: SpecialGroup(members: ["spec-1"], departments: ["quality"]))),
        .classifyComplaint(ClassifyComplaint(category: .afterSales, problemClass: .basic)),
    ]

    static let closingNames: Set<CommandName> = [.withdrawComplaint, .rejectAsFalse, .closeComplaint]

    @Test(arguments: 0..<40)
    func invariantsHoldAlongRandomWalks(_ seed: Int) {
        _ = walk(seed: seed)
    }

    /// The walks reach every status and some automatic events, so the invariants are not vacuous.
    @Test func walksCoverTheLifecycle() {
        var statuses: Set<ComplaintStatus> = []
        var types: Set<EventType> = []
        for seed in 0..<40 {
            let harness = walk(seed: seed)
            statuses.formUnion(harness.statusesSeen)
            types.formUnion(harness.recorded.map(\.event.type))
        }
        #expect(statuses == Set(ComplaintStatus.allCases))
        let wanted: Set<EventType> = [.slaBreached, .complaintEscalated, .severityRaised, .customerRejected, .complaintReopened, .resolutionApproved]
        #expect(wanted.subtracting(types).isEmpty)
    }

    /// One random walk of 80 steps, checking the invariants after each.
    func walk(seed: Int) -> Harness {
        var random = SplitMix(seed: UInt64(seed) &* 7919 &+ 1)
        var harness = Harness(policy: seed.isMultiple(of: 2) ? .standard : .category2025)
        try! harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        for _ in 0..<80 {
            let before = harness.complaint
            let recordedBefore = harness.recorded.count
            harness.now = harness.now.addingTimeInterval(Double(random.next() % 7_200))
            harness.advance(to: harness.now)
            let afterTimers = harness.complaint
            let fitting = Self.commands.filter { command in
                (try? TransitionTable.row(for: command.name).from?.check(harness.complaint, command: command.name)) != nil
            }
            let advancing = fitting.filter { !TransitionTable.row(for: $0.name).to.isEmpty || $0.name == .implementResolution }
            let pool = switch random.next() % 100 {
            case 0: Self.closingCommands
            case 1..<50 where !advancing.isEmpty: advancing
            case 50..<75 where !fitting.isEmpty: fitting
            default: Self.commands
            }
            let command = pool.randomElement(using: &random)!
            let actor = random.next() % 100 < 70 ? Actors.executive : Self.actors.randomElement(using: &random)!
            if harness.refusal(command, as: actor) != nil {
                #expect(harness.complaint == afterTimers, "a refusal changed the state (seed \(seed))")
            }
            check(harness, before: before, seed: seed)
            harness.statusesSeen.insert(harness.complaint.status)
            #expect(harness.recorded[recordedBefore...].allSatisfy { $0.occurredAt <= harness.now })
        }
        return harness
    }

    func check(_ harness: Harness, before: ComplaintState, seed: Int) {
        let state = harness.complaint
        #expect(state.escalationLevel >= before.escalationLevel, "level decreased (seed \(seed))")
        #expect(EscalationLevel.range.contains(state.escalationLevel))
        if let severity = state.severity, let assessed = state.assessedSeverity { #expect(severity >= assessed) }
        if state.status == .closed {
            #expect(state.clocks.values.allSatisfy { !$0.phase.isOpen }, "closed with an open clock (seed \(seed))")
            #expect(state.closedReason != nil)
            #expect(queueMembership(state, complaintId: "C-1", policy: harness.policy).queues.isEmpty)
        } else {
            #expect(state.closedReason == nil)
        }
        #expect((state.clocks[.resolution]?.phase == .paused) == (state.status == .awaitingCustomer), "resolution pause (seed \(seed))")
        #expect(tick(state, until: harness.now, streamId: "C-1", policy: harness.policy).isEmpty, "a due timer was left unfired (seed \(seed))")
        let timers = dueTimers(state, policy: harness.policy)
        #expect(timers == timers.sorted())
        #expect(timers.allSatisfy { $0.dueAt > harness.now })
    }

    @Test func replayingTheRecordedEventsGivesTheSameState() throws {
        var harness = Stage.closedResolved.harness()
        try harness.send(.reopenComplaint(ReopenComplaint(reason: "again")), as: Actors.customer)
        harness.advance(by: 5 * 86_400)
        let replayed = harness.recorded.reduce(nil as ComplaintState?) { evolve($0, $1, policy: harness.policy) }
        #expect(replayed == harness.state)
    }
}
