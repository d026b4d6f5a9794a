import ComplaintPolicy
import Foundation
import PropertyBased
import Testing
@testable import ComplaintWorkflow

/// Property-based tests over random valid command sequences (``CommandSequence``): DOMAIN.md
/// §3–§5's invariants hold whatever valid path a complaint takes. A failing case is reported with
/// the library's seed and shrunk to a short sequence.
@Suite("Command sequence properties")
struct CommandSequencePropertyTests {
    /// (a) Replaying the emitted events from an empty state gives the state built while deciding:
    /// per command (the decision's own state), for the whole stream, for the stream as the log
    /// stores it (each payload encoded and decoded by ``EventCodec``), and from a snapshot.
    @Test func replayGivesTheStateBuiltWhileDeciding() async {
        await propertyCheck(count: 60, input: CommandSequence.generator, perform: Self.replayProperty)
    }

    static func replayProperty(_ sequence: CommandSequence) {
        for step in sequence.steps {
            let folded = step.events.reduce(step.before) { evolve($0, $1, policy: sequence.policy) }
            #expect(folded == step.decidedState, "decision state differs after \(step.command.name.rawValue)")
        }
        #expect(replay(sequence.recorded, policy: sequence.policy) == sequence.finalState)

        let codec = EventCodec()
        var decoded: [DecidedEvent] = []
        for recorded in sequence.recorded {
            do {
                let payload = try codec.encode(recorded.event)
                var copy = recorded
                copy.event = try codec.decode(typeName: recorded.event.typeName, schemaVersion: recorded.event.schemaVersion, payload: payload)
                decoded.append(copy)
            } catch {
                Issue.record("\(recorded.event.typeName) does not round-trip: \(error)")
            }
        }
        #expect(replay(decoded, policy: sequence.policy) == sequence.finalState, "replay from the encoded log differs")

        let middle = sequence.recorded.count / 2
        if let snapshotState = replay(Array(sequence.recorded[..<middle]), policy: sequence.policy) {
            do {
                let snapshot = try JSONDecoder().decode(ComplaintState.self, from: JSONEncoder().encode(snapshotState))
                let resumed = sequence.recorded[middle...].reduce(snapshot as ComplaintState?) { evolve($0, $1, policy: sequence.policy) }
                #expect(resumed == sequence.finalState, "replay from a snapshot differs")
            } catch {
                Issue.record("snapshot does not round-trip: \(error)")
            }
        }
    }

    /// (b) A closed complaint has no running (or paused) clock, no pending timer and sits in no
    /// queue, after every event of the stream; (c) the escalation level never decreases, and each
    /// ComplaintEscalated moves it up from where it was.
    @Test func closedComplaintsAreQuietAndLevelsNeverDecrease() async {
        await propertyCheck(count: 60, input: CommandSequence.generator, perform: Self.quietClosedProperty)
    }

    static func quietClosedProperty(_ sequence: CommandSequence) {
        var state: ComplaintState?
        for (index, event) in sequence.recorded.enumerated() {
            let level = state?.escalationLevel ?? 0
            if case .complaintEscalated(let escalated) = event.event {
                #expect(escalated.fromLevel == level, "event \(index): fromLevel \(escalated.fromLevel), level was \(level)")
                #expect(escalated.toLevel > escalated.fromLevel, "event \(index): escalation to \(escalated.toLevel) from \(escalated.fromLevel)")
            }
            state = evolve(state, event, policy: sequence.policy)
            guard let current = state else {
                Issue.record("event \(index) (\(event.event.typeName)) left no state")
                return
            }
            #expect(current.escalationLevel >= level, "event \(index) (\(event.event.typeName)) lowered the level")
            #expect(EscalationLevel.range.contains(current.escalationLevel))
            if current.status == .closed {
                #expect(current.closedReason != nil)
                let open = current.clocks.values.filter(\.phase.isOpen).map(\.name.rawValue)
                #expect(open.isEmpty, "event \(index) (\(event.event.typeName)): closed with open clocks \(open)")
                #expect(dueTimers(current, policy: sequence.policy).isEmpty)
                #expect(queueMembership(current, complaintId: "C-1", policy: sequence.policy).queues.isEmpty)
            }
        }
        let final = sequence.finalState
        if final.status == .closed {
            #expect(tick(final, until: sequence.harness.now.addingTimeInterval(400 * 86_400), streamId: "C-1", policy: sequence.policy).isEmpty)
        }
    }

    /// (d) Every command's own event carries the command's actor, whose role DOMAIN.md §3's table
    /// allows for the command (written out independently in ``DomainRoles``); every automatic
    /// event (rules and timers) carries `system`.
    @Test func everyEventHasAnAllowedActor() async {
        await propertyCheck(count: 60, input: CommandSequence.generator, perform: Self.actorProperty)
    }

    static func actorProperty(_ sequence: CommandSequence) {
        var approver: ResolutionApprover?
        for (index, step) in sequence.steps.enumerated() {
            for timer in step.timerEvents {
                #expect(timer.actor == .system && timer.rule != nil && timer.timerCommandId != nil, "step \(index): timer event \(timer.event.typeName)")
            }
            let own = step.events.filter { !$0.isAutomatic }
            let row = TransitionTable.row(for: step.command.name)
            #expect(own.count == 1, "step \(index): \(step.command.name.rawValue) recorded \(own.count) own events")
            #expect(step.events.first.map { !$0.isAutomatic } == true, "step \(index): the command's own event comes first")
            for event in own {
                #expect(row.events.contains(event.event.type), "step \(index): \(event.event.typeName) for \(step.command.name.rawValue)")
                #expect(event.actor == step.actor)
                #expect(
                    DomainRoles.allows(step.command, by: event.actor, state: step.before, approver: approver),
                    "step \(index): \(event.actor.role.rawValue) '\(event.actor.id)' may not issue \(step.command.name.rawValue)")
                #expect(row.roles.admitsByRole(event.actor.role) || (row.roles.owner && step.before?.owner == event.actor.id))
            }
            for event in step.events where event.isAutomatic {
                #expect(event.actor == .system, "step \(index): automatic \(event.event.typeName) by \(event.actor.id)")
            }
            if case .proposeResolution(let proposal) = step.command, let before = step.before,
                case .resolutionProposed(let proposed)? = step.events.first?.event
            {
                #expect(proposed.requiredApprover == DomainRoles.approver(for: proposal, in: before, policy: sequence.policy))
                approver = proposed.requiredApprover
            }
        }
        #expect(sequence.recorded.allSatisfy { $0.actor.role != .auditor })
    }

    /// The generator reaches the whole lifecycle: every complaint command appears across the
    /// sequences and at least 30 % of them reach `closed`. Deterministic: a fixed seed of the
    /// library's generator.
    @Test func generatorCoverage() {
        var rng = Xoshiro(seed: (0x5EED, 0xC0FFEE, 0xDECAF, 0xFACADE))
        let count = 150
        var seen: [CommandName: Int] = [:]
        var closed = 0
        var steps = 0
        var statuses: Set<ComplaintStatus> = []
        var types: Set<EventType> = []
        for _ in 0..<count {
            let sequence = CommandSequence.generator.run(using: &rng)
            for name in sequence.steps.map(\.command.name) { seen[name, default: 0] += 1 }
            if sequence.reachedClosed { closed += 1 }
            steps += sequence.steps.count
            types.formUnion(sequence.recorded.map(\.event.type))
            var state: ComplaintState?
            for event in sequence.recorded {
                state = evolve(state, event, policy: sequence.policy)
                if let status = state?.status { statuses.insert(status) }
            }
        }
        let missing = CommandSequence.complaintCommands.subtracting(seen.keys)
        let closedShare = Double(closed) / Double(count)
        let perCommand = CommandSequence.complaintCommands.sorted().map { "\($0.rawValue) \(seen[$0, default: 0])" }.joined(separator: ", ")
        print(
            "CommandSequence coverage: \(count) sequences, \(steps) accepted commands, \(seen.count)/\(CommandSequence.complaintCommands.count) complaint commands, "
                + "\(closed) reached closed (\(Int((closedShare * 100).rounded())) %), \(statuses.count) statuses, \(types.count) event types")
        print("CommandSequence commands: \(perCommand)")
        #expect(missing.isEmpty, "never generated: \(missing.map(\.rawValue).sorted())")
        #expect(closedShare >= 0.30)
        #expect(statuses == Set(ComplaintStatus.allCases))
        let wanted: Set<EventType> = [
            .slaWarningRaised, .slaBreached, .complaintEscalated, .severityRaised, .repeatComplaintDetected, .customerRejected, .complaintReopened,
            .resolutionApproved, .resolutionRejected,
        ]
        #expect(wanted.subtracting(types).isEmpty, "never recorded: \(wanted.subtracting(types).map(\.rawValue).sorted())")
    }

    /// The generator only produces accepted commands, and a shrunk recipe is still valid: every
    /// recipe with its steps dropped or its choices zeroed replays without a refusal.
    @Test func shrunkRecipesStayValid() async {
        await propertyCheck(count: 20, input: CommandSequence.recipes) { recipe in
            var zeroed = recipe
            zeroed.steps = recipe.steps.map { _ in CommandSequence.Choice(wait: 0, kind: 0, command: 0, actor: 0) }
            var halved = recipe
            halved.steps = Array(recipe.steps.prefix(recipe.steps.count / 2))
            for variant in [recipe, zeroed, halved] {
                let sequence = CommandSequence.interpret(variant)
                #expect(sequence.steps.first?.command.name == .receiveComplaint)
                #expect(sequence.steps.count <= variant.steps.count + 1)
                #expect(replay(sequence.recorded, policy: sequence.policy) == sequence.finalState)
            }
        }
    }
}

/// Folds `events` from an empty state.
func replay(_ events: [DecidedEvent], policy: ServicePolicy) -> ComplaintState? {
    events.reduce(nil as ComplaintState?) { evolve($0, $1, policy: policy) }
}
