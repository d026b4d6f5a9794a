import ComplaintPolicy
import Foundation
import PropertyBased
@testable import ComplaintWorkflow

/// Random VALID command sequences for property tests, built from the PropertyBased library's
/// generators.
///
/// A sequence is generated as a *recipe*: a shrinkable array of small integer choices (how long to
/// wait, which kind of command, which command, which actor). ``CommandSequence/interpret(_:)``
/// replays a recipe against the in-memory ``Harness`` and, at every step, picks the first command
/// and actor (rotating from the recipe's choice) that `decide` accepts. Whatever the library's
/// shrinker does to a recipe (drop steps, move choices towards 0), the result is still a sequence of
/// accepted commands, so a failing case shrinks to a short valid sequence.
///
/// The commands come from the existing random walk (``LifecycleInvariantTests/commands``, which
/// reuses ``RowCase/all``, and ``LifecycleInvariantTests/closingCommands``) and the actors from
/// ``Actors``; nothing is constructed twice.
struct CommandSequence: Sendable, CustomStringConvertible {
    /// One choice of a recipe. All fields shrink towards 0: no wait, the advancing kind, the first
    /// candidate command and actor.
    struct Choice: Sendable, Hashable {
        /// Seconds to let pass (firing due timers) before the command.
        var wait: Int
        /// 0..<60 a command that moves the complaint on, 60..<97 any other command that fits the
        /// status, 97..<100 a closing command.
        var kind: Int
        /// Where to start in the candidate commands.
        var command: Int
        /// Where to start in the candidate actors.
        var actor: Int
    }

    /// A whole recipe: the policy, whether the customer has two earlier productQuality complaints (so
    /// the repeat rule can fire), and the steps after ReceiveComplaint.
    struct Recipe: Sendable, Hashable {
        var category2025: Bool
        var repeatCustomer: Bool
        var steps: [Choice]
    }

    /// One accepted command and what it recorded.
    struct Step: Sendable {
        /// Timer events fired while waiting before the command.
        var timerEvents: [DecidedEvent]
        var command: WorkflowCommand
        var actor: Actor
        var at: Date
        /// The state before the command (after the timers).
        var before: ComplaintState?
        /// What `decide` returned: the command's own events, then automatic ones.
        var events: [DecidedEvent]
        /// The state `decide`'s own decision held after its last event.
        var decidedState: ComplaintState?
    }

    var policy: ServicePolicy
    var earlier: [EarlierComplaint]
    var steps: [Step]
    /// The harness after the last step (its `recorded` is the whole stream).
    var harness: Harness

    var recorded: [DecidedEvent] { harness.recorded }
    var finalState: ComplaintState { harness.complaint }
    /// Whether the complaint was closed at some point.
    var reachedClosed: Bool { recorded.contains { $0.event.type == .complaintClosed } }
    var commandNames: Set<CommandName> { Set(steps.map(\.command.name)) }

    var description: String {
        let lines = steps.enumerated().map { index, step in
            "\(index): +\(step.timerEvents.count) timer events, \(step.command.name.rawValue) by \(step.actor.id)(\(step.actor.role.rawValue)) → "
                + step.events.map(\.event.typeName).joined(separator: ", ")
        }
        return "policy \(policy.name), \(earlier.count) earlier complaints, final status \(finalState.status.rawValue)\n"
            + lines.joined(separator: "\n")
    }

    // MARK: Generators

    /// A recipe of 5–50 steps.
    static let recipes: Generator<Recipe, some SendableSequenceType> = zip(
        Gen.bool(0.5),
        Gen.bool(0.25),
        zip(Gen.int(in: 0...14_400), Gen.int(in: 0...99), Gen.int(in: 0...999), Gen.int(in: 0...999))
            .map { Choice(wait: $0.0, kind: $0.1, command: $0.2, actor: $0.3) }
            .array(of: 5...50)
    ).map { Recipe(category2025: $0.0, repeatCustomer: $0.1, steps: $0.2) }

    /// Valid command sequences, shrinkable through their recipes.
    static let generator: Generator<CommandSequence, some SendableSequenceType> = recipes.map(interpret)

    // MARK: Interpretation

    /// Every actor a step may try, wrong ones included (they are refused and never recorded).
    static let actors: [Actor] = [
        Actors.agent, Actors.owner, Actors.specialist, Actors.supervisor, Actors.manager, Actors.executive, Actors.customer,
        Actors.otherCustomer, Actors.analyst, Actors.auditor, Actors.otherAgent,
    ]

    /// Every complaint command the walk knows, closing ones included.
    static let pool: [WorkflowCommand] = LifecycleInvariantTests.commands + LifecycleInvariantTests.closingCommands

    /// The complaint commands of the transition table (the coverage target).
    static let complaintCommands: Set<CommandName> = Set(
        TransitionTable.rows.filter { $0.stream == .complaint || $0.stream == .newComplaint }.map(\.command))

    static func isClosing(_ command: WorkflowCommand) -> Bool {
        if case .closeComplaint(let close) = command, close.reason == .resolved { return false }
        return TransitionTable.row(for: command.name).to == [.closed]
    }

    /// Whether `command` moves the complaint in `state` forward: it changes the status forward
    /// (closing aside), or it records a fact a later step needs (classification, assessment,
    /// implementation, the follow-up). A customer's rejection and reopening move backwards: they
    /// are drawn with the other commands. Approving and rejecting a proposal both settle it.
    static func isAdvancing(_ command: WorkflowCommand, in state: ComplaintState) -> Bool {
        switch command {
        case .classifyComplaint: return state.category == nil
        case .assessSeverity: return state.assessedSeverity == nil
        case .assignComplaint: return state.status == .received
        case .implementResolution: return !state.implemented
        case .recordCustomerResponse(let response): return response.accepted
        case .recordSatisfaction, .recordReturnVisit: return state.clocks[.followUp]?.phase.isOpen == true
        case .rejectResolution: return true
        case .reopenComplaint: return false
        default: return !TransitionTable.row(for: command.name).to.isEmpty && !isClosing(command)
        }
    }

    /// Replays `recipe`: ReceiveComplaint first, then one accepted command per choice (a choice
    /// for which nothing is accepted records only its timers).
    static func interpret(_ recipe: Recipe) -> CommandSequence {
        let policy: ServicePolicy = recipe.category2025 ? .category2025 : .standard
        var harness = Harness(policy: policy)
        if recipe.repeatCustomer {
            harness.earlier = [
                EarlierComplaint(id: "C-0a", category: .productQuality, receivedAt: monday9.addingTimeInterval(-10 * 86_400)),
                EarlierComplaint(id: "C-0b", category: .productQuality, receivedAt: monday9.addingTimeInterval(-3 * 86_400)),
            ]
        }
        var steps: [Step] = []
        let receive = WorkflowCommand.receiveComplaint(Sample.receive)
        if let step = attempt(receive, as: Actors.customer, in: &harness, timerEvents: []) { steps.append(step) }
        for choice in recipe.steps {
            let timers = harness.advance(by: TimeInterval(choice.wait))
            let state = harness.complaint
            let fitting = pool.filter { (try? TransitionTable.row(for: $0.name).from?.check(state, command: $0.name)) != nil }
            let others = fitting.filter { !isClosing($0) }
            let preferred: [WorkflowCommand] = switch choice.kind {
            case 0..<60: others.filter { isAdvancing($0, in: state) }
            case 60..<97: others
            default: fitting.filter(isClosing)
            }
            var accepted: Step?
            for candidates in [preferred, others, fitting] where accepted == nil && !candidates.isEmpty {
                accepted = firstAccepted(candidates, choice: choice, in: &harness, timerEvents: timers)
            }
            if let accepted {
                steps.append(accepted)
            } else if !timers.isEmpty, var last = steps.popLast() {
                // Nothing fitted: keep the timer events visible in the description.
                last.timerEvents += timers
                steps.append(last)
            }
        }
        return CommandSequence(policy: policy, earlier: harness.earlier, steps: steps, harness: harness)
    }

    /// The first command (rotating from `choice.command`) and actor (rotating from `choice.actor`)
    /// that `decide` accepts, recorded into `harness`.
    static func firstAccepted(_ candidates: [WorkflowCommand], choice: Choice, in harness: inout Harness, timerEvents: [DecidedEvent]) -> Step? {
        for commandOffset in 0..<candidates.count {
            let command = candidates[(choice.command + commandOffset) % candidates.count]
            for actorOffset in 0..<actors.count {
                let actor = actors[(choice.actor + actorOffset) % actors.count]
                if let step = attempt(command, as: actor, in: &harness, timerEvents: timerEvents) { return step }
            }
        }
        return nil
    }

    /// Decides `command` by `actor` at the harness's time; records it and returns the step when
    /// accepted, leaves the harness untouched when refused.
    static func attempt(_ command: WorkflowCommand, as actor: Actor, in harness: inout Harness, timerEvents: [DecidedEvent]) -> Step? {
        let before = harness.state
        let context = DecisionContext(
            now: harness.now, policy: harness.policy, streamKind: before == nil ? nil : .complaint, streamVersion: harness.version,
            earlierComplaints: harness.earlier, customer: harness.customer, duplicateOfExists: harness.duplicateOfExists)
        let envelope = CommandEnvelope(commandId: "cmd-\(harness.recorded.count)", streamId: harness.streamId, actor: actor, command: command)
        guard let events = try? decide(before, envelope, context) else { return nil }
        // The state the decision itself builds while recording (the same stages `decide` runs after
        // its refusal checks).
        var decision = Decision(state: before, context: context, actor: actor, streamId: harness.streamId)
        try? decision.apply(command)
        harness.apply(events)
        return Step(
            timerEvents: timerEvents, command: command, actor: actor, at: harness.now, before: before, events: events,
            decidedState: decision.state)
    }
}

/// The roles DOMAIN.md §3 allows for each complaint command, written out from the document's
/// table independently of ``TransitionTable`` and ``Authorization``.
enum DomainRoles {
    /// agent < specialist < supervisor < manager < executive; other roles have no rank.
    static let rank: [Role: Int] = [.agent: 1, .specialist: 2, .supervisor: 3, .manager: 4, .executive: 5]

    static func atLeast(_ actor: Actor, _ role: Role) -> Bool {
        guard let mine = rank[actor.role], let needed = rank[role] else { return false }
        return mine >= needed
    }

    /// Whether `actor` may issue `command` on a complaint in `state` (`nil` before receipt).
    /// `approver` is the approval path the pending proposal recorded.
    static func allows(_ command: WorkflowCommand, by actor: Actor, state: ComplaintState?, approver: ResolutionApprover?) -> Bool {
        let isOwner = state?.owner == actor.id
        let ownCustomer = actor.role == .customer && actor.id == (state?.customerId ?? receivedCustomerId(command))
        let agentPlus = atLeast(actor, .agent)
        switch command {
        case .receiveComplaint, .recordCustomerResponse, .recordSatisfaction, .withdrawComplaint, .reopenComplaint:
            return ownCustomer || agentPlus
        case .acknowledgeComplaint, .verifyAuthenticity, .classifyComplaint, .recordReturnVisit, .escalateComplaint:
            return agentPlus
        case .assessSeverity(let assess):
            guard agentPlus else { return false }
            let lowers = (state?.assessedSeverity).map { assess.severity < $0 } ?? false
                || (state?.urgency == .urgent && assess.urgency == .normal)
            return !lowers || atLeast(actor, .supervisor)
        case .assignComplaint(let assign):
            return atLeast(actor, .supervisor) || (agentPlus && assign.owner == actor.id)
        case .transferComplaint:
            return atLeast(actor, .specialist)
        case .startInvestigation, .recordProgress, .recordRootCause, .proposeResolution, .implementResolution, .communicateResult:
            return isOwner || atLeast(actor, .specialist)
        case .approveResolution, .rejectResolution:
            return approver == .executive ? actor.role == .executive : atLeast(actor, .supervisor)
        case .rejectAsFalse:
            return atLeast(actor, .supervisor)
        case .closeComplaint:
            return isOwner || atLeast(actor, .supervisor)
        case .recordLessons:
            return isOwner || actor.role == .qualityAnalyst || atLeast(actor, .supervisor)
        case .recordInteractions:
            return agentPlus
        case .forgetCustomer:
            return actor.role == .dataProtectionOfficer
        default:
            // Improvement-cycle commands never act on a complaint stream.
            return false
        }
    }

    /// The approver DOMAIN.md §3's approval rule asks for when `proposal` is made in `state`.
    static func approver(for proposal: ProposeResolution, in state: ComplaintState, policy: ServicePolicy) -> ResolutionApprover? {
        if state.specialGroup != nil || state.severity == .critical { return .executive }
        if let amount = proposal.compensationAmount?.amount, amount > policy.approvalCompensationLimit { return .supervisorOrAbove }
        return nil
    }

    private static func receivedCustomerId(_ command: WorkflowCommand) -> String? {
        if case .receiveComplaint(let receive) = command { return receive.customer.id }
        return nil
    }
}
