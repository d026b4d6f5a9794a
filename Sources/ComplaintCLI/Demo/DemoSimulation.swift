import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import EventLog

/// A month of complaints driven through the real engine on a ``ManualClock``: arrivals across the
/// day, people who answer late or on time, stalled cases whose SLA timers breach and escalate,
/// approvals and rejections, customers who reject and reopen, one erasure, and a PDCA cycle taken up
/// from a suggestion and checked with EvaluateEffect.
///
/// Everything follows from the seed: the generator is consulted in the order of simulated time, and
/// each step is decided from the complaint's state as the engine reports it, so a run is repeatable
/// to the event.
final class DemoSimulation {
    struct Settings {
        var days: Int
        var seed: UInt64
        var complaintsPerDay = 36
        var start: Date
        var owners = 10
        var customers = 420
    }

    struct Outcome {
        var complaints = 0
        var commands = 0
        var refusals: [String: Int] = [:]
        var refusalExamples: [String] = []
        var forgottenCustomer: String?
        var improvementId: String?
        var suggestion: SuggestedImprovement?
        var suggestionCount = 0
        var end: Date
    }

    private enum Work {
        case arrival(Int)
        case step(Int)
        case dayEnd(Date)
        case openImprovement
        case finishActions
        case forget
        case evaluate
    }

    private struct Entry {
        var time: Date
        var sequence: Int
        var work: Work
        func precedes(_ other: Entry) -> Bool { (time, sequence) < (other.time, other.sequence) }
    }

    let engine: ComplaintEngine
    let clock: ManualClock
    let settings: Settings
    private var random: DemoRandom
    private var queue: [Entry] = []
    private var sequence = 0
    private var profiles: [Int: DemoProfile] = [:]
    private var rootCauseRecorded: Set<Int> = []
    private var progressRecorded: Set<Int> = []
    private var approvalRejectedOnce: Set<Int> = []
    private var forgotten: Set<String> = []
    private var improvedCategory: Category?
    private var improvement: (id: String, category: Category, actions: [(id: String, owner: Actor)])?
    private(set) var outcome: Outcome

    static let desk = Actor(id: "agent-desk", role: .agent)
    static let supervisor = Actor(id: "supervisor-1", role: .supervisor)
    static let executive = Actor(id: "executive-1", role: .executive)
    static let manager = Actor(id: "manager-1", role: .manager)
    static let analyst = Actor(id: "qa-1", role: .qualityAnalyst)
    static let officer = Actor(id: "dpo-1", role: .dataProtectionOfficer)

    init(engine: ComplaintEngine, clock: ManualClock, settings: Settings) {
        self.engine = engine
        self.clock = clock
        self.settings = settings
        random = DemoRandom(seed: settings.seed)
        outcome = Outcome(end: settings.start.addingTimeInterval(TimeInterval(settings.days) * 86_400))
    }

    static func complaintId(_ index: Int) -> String {
        let digits = String(index + 1)
        return "C-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Running

    /// Runs the month; `progress` is called with each finished day.
    func run(progress: (Int) -> Void) async throws -> Outcome {
        scheduleArrivals()
        let days = Double(settings.days)
        schedule(.openImprovement, at: settings.start.addingTimeInterval(days * 0.45 * 86_400))
        schedule(.forget, at: settings.start.addingTimeInterval(days * 0.75 * 86_400))
        schedule(.evaluate, at: outcome.end.addingTimeInterval(-3_600))
        var day = 0
        while let entry = popFirst(), entry.time < outcome.end {
            if entry.time > clock.now() { try await engine.advance(to: entry.time) }
            switch entry.work {
            case .arrival(let index): try await arrive(index)
            case .step(let index): try await step(index)
            case .dayEnd(let dayStart):
                try await recordInteractions(dayStart)
                day += 1
                progress(day)
            case .openImprovement: try await openImprovement()
            case .finishActions: try await finishActions()
            case .forget: try await forget()
            case .evaluate: try await evaluate()
            }
        }
        try await engine.advance(to: outcome.end)
        return outcome
    }

    private func scheduleArrivals() {
        var index = 0
        for day in 0..<settings.days {
            let dayStart = settings.start.addingTimeInterval(TimeInterval(day) * 86_400)
            let count = settings.complaintsPerDay + random.int(-6...6)
            // Arrivals between 07:00 and 23:00, in time order.
            let offsets = (0..<count).map { _ in TimeInterval(7 * 3_600 + random.int(0...(16 * 3_600 - 1))) }.sorted()
            for offset in offsets {
                schedule(.arrival(index), at: dayStart.addingTimeInterval(offset))
                index += 1
            }
            schedule(.dayEnd(dayStart), at: dayStart.addingTimeInterval(86_400 - 1))
        }
    }

    // MARK: Complaints

    private func arrive(_ index: Int) async throws {
        var customer = "cust-\(random.int(1...settings.customers))"
        if forgotten.contains(customer) { customer = "cust-new-\(index)" }
        let profile = DemoProfile.draw(&random, customer: customer, owners: settings.owners, improved: improvedCategory)
        profiles[index] = profile
        outcome.complaints += 1
        try await step(index)
    }

    private func step(_ index: Int) async throws {
        // A forgotten customer's open complaints rest: commands carrying personal fields can no
        // longer be sealed for them (see Specs/notes/cli.md).
        guard let profile = profiles[index], !forgotten.contains(profile.customer) else { return }
        let id = Self.complaintId(index)
        let state = try engine.complaint(id)
        guard let (actor, command, delay) = next(index, profile, state) else { return }
        do {
            try await engine.handle(CommandEnvelope(
                commandId: "\(id)/\(outcome.commands)", streamId: id, actor: actor, command: command))
            outcome.commands += 1
        } catch {
            guard case .refused(let refusal) = error else { throw error }
            outcome.refusals[refusal.code.rawValue, default: 0] += 1
            if outcome.refusalExamples.count < 5 { outcome.refusalExamples.append("\(id) \(command.name.rawValue): \(refusal)") }
            return
        }
        schedule(.step(index), at: clock.now().addingTimeInterval(delay))
    }

    /// The next command for a complaint in `state`, who sends it, and the pause after it; `nil`
    /// when the complaint needs nothing more.
    private func next(_ index: Int, _ profile: DemoProfile, _ state: ComplaintState?) -> (Actor, WorkflowCommand, TimeInterval)? {
        let now = clock.now()
        let owner = Actor(id: state?.owner ?? profile.owner, role: .specialist)
        let pause = profile.stepDelay(&random)
        guard let state else {
            return (Self.desk, .receiveComplaint(ReceiveComplaint(
                customer: CustomerDetails(id: profile.customer, name: "Customer \(profile.customer)", phone: "1380000\(String(index % 10_000))"),
                channel: profile.channel, description: "Complaint about \(profile.category.rawValue) received by \(profile.channel.rawValue).",
                amountInvolved: profile.amount.flatMap { try? Money(amount: $0) }, emotion: profile.emotion)), profile.acknowledgementDelay)
        }
        switch state.status {
        case .closed:
            guard profile.reopens, state.reopenCount == 0, state.closedReason == .resolved else { return nil }
            return (Self.desk, .reopenComplaint(ReopenComplaint(reason: "The problem came back.")), pause)
        case _ where !state.acknowledged:
            return (Self.desk, .acknowledgeComplaint(AcknowledgeComplaint(channel: profile.channel)), TimeInterval(random.int(5...40) * 60))
        case _ where profile.falseComplaint && state.authenticity == nil:
            return (Self.desk, .verifyAuthenticity(VerifyAuthenticity(outcome: .falseMisunderstanding, complete: true, methods: [.factCheck])), pause)
        case _ where profile.falseComplaint:
            return (Self.supervisor, .rejectAsFalse(RejectAsFalse(note: "The order was delivered as agreed.")), pause)
        case _ where state.category == nil:
            return (Self.desk, .classifyComplaint(ClassifyComplaint(category: profile.category)), TimeInterval(random.int(2...20) * 60))
        case _ where state.assessedSeverity == nil:
            return (Self.desk, .assessSeverity(AssessSeverity(
                severity: profile.severity, urgency: profile.urgency, factors: profile.factors)), TimeInterval(random.int(5...60) * 60))
        case .received:
            return (Self.supervisor, .assignComplaint(AssignComplaint(owner: profile.owner, department: "customer-care")), pause)
        case .assigned where profile.withdraws:
            return (Self.desk, .withdrawComplaint(WithdrawComplaint(note: "The customer no longer wishes to pursue it.")), pause)
        case .assigned where profile.transfers && state.department == "customer-care":
            let other = "specialist-\(random.int(1...settings.owners))"
            return (Self.supervisor, .transferComplaint(TransferComplaint(
                toDepartment: "after-sales", toOwner: other, reason: "Needs the after-sales team.")), pause)
        case .assigned:
            let group = profile.specialGroup
                ? SpecialGroup(members: [owner.id, "specialist-legal"], departments: ["legal", "quality"], coordinator: owner.id) : nil
            return (owner, .startInvestigation(StartInvestigation(specialGroup: group)), pause)
        case .investigating where profile.escalatesByHand && state.escalationLevel < 2:
            return (Self.desk, .escalateComplaint(EscalateComplaint(toLevel: 2, reason: "The customer asked for a manager.")), pause)
        case .investigating where profile.pace != .fast && !progressRecorded.contains(index):
            progressRecorded.insert(index)
            return (owner, .recordProgress(RecordProgress(note: "Waiting for the warehouse report.", customerNotified: true)), pause)
        case .investigating where !rootCauseRecorded.contains(index):
            rootCauseRecorded.insert(index)
            return (owner, .recordRootCause(RecordRootCause(
                causeClass: profile.causeClass, method: random.chance(0.5) ? .fiveWhy : .fishbone,
                description: "Root cause in \(profile.causeClass.rawValue).")), pause)
        case .investigating:
            let remedies: [Remedy] = profile.compensation == nil ? [.apology, .explanation] : [.apology, .compensation]
            return (owner, .proposeResolution(ProposeResolution(
                remedies: remedies, compensationAmount: profile.compensation.flatMap { try? Money(amount: $0) },
                responsibility: .company, actionPlan: "Apologise and put it right.", dueAt: now.addingTimeInterval(2 * 86_400))), pause)
        case .awaitingApproval:
            let approver = state.requiredApprover == .executive ? Self.executive : Self.supervisor
            if profile.approvalRejected && !approvalRejectedOnce.contains(index) {
                approvalRejectedOnce.insert(index)
                return (approver, .rejectResolution(RejectResolution(reason: "The compensation is not justified.")), pause)
            }
            return (approver, .approveResolution(ApproveResolution(note: "Approved.")), pause)
        case .implementing where !state.implemented:
            return (owner, .implementResolution(ImplementResolution(actionsDone: "Done as planned.")), pause)
        case .implementing:
            return (owner, .communicateResult(CommunicateResult(
                channel: profile.channel, rootCauseExplained: true, apologyGiven: true, recourseInformed: true)),
                TimeInterval(random.int(60...(20 * 60)) * 60))
        case .awaitingCustomer:
            let rejects = profile.rejectsOnce && state.rejectionCount == 0
            let followUpPause: TimeInterval = switch profile.followUp {
            case .onTime: TimeInterval(random.int(120...(20 * 60)) * 60)
            case .late: TimeInterval(random.int((26 * 60)...(40 * 60)) * 60)
            case .skipped: TimeInterval(random.int(180...600) * 60)
            }
            return (Self.desk, .recordCustomerResponse(RecordCustomerResponse(
                accepted: !rejects, reason: rejects ? "The offer is not enough." : nil)), rejects ? pause : followUpPause)
        case .resolved where state.clocks[.followUp]?.phase == .running && (profile.followUp != .skipped || state.reopenCount > 0):
            if random.chance(0.5) {
                return (Self.desk, .recordSatisfaction(RecordSatisfaction(score: profile.satisfaction, method: .phone)), TimeInterval(random.int(10...120) * 60))
            }
            return (Self.desk, .recordReturnVisit(RecordReturnVisit(outcome: "Called back.", satisfied: profile.satisfaction >= 4)), TimeInterval(random.int(10...120) * 60))
        case .resolved:
            let reopenPause = TimeInterval(random.int(12...72) * 3_600)
            return (owner, .closeComplaint(CloseComplaint(reason: .resolved)), profile.reopens ? reopenPause : pause)
        }
    }

    // MARK: Interactions, erasure

    private func recordInteractions(_ dayStart: Date) async throws {
        let month = String(Instant.short(dayStart.addingTimeInterval(43_200), in: engine.policy.calendar.timeZone).prefix(7))
        for channel in Channel.allCases where channel.isInbound {
            try await handle(Self.desk, "interactions-\(month)", "interactions:\(Instant.text(dayStart)):\(channel.rawValue)",
                .recordInteractions(RecordInteractions(
                    channel: channel, count: random.int(400...1_400), period: Period(from: dayStart, to: dayStart.addingTimeInterval(86_400)))))
        }
    }

    /// Forgets the customer of the earliest complaint that is closed for good (all of that
    /// customer's complaints closed, none to be reopened); else the first customer.
    private func forget() async throws {
        var byCustomer: [String: [Int]] = [:]
        for index in profiles.keys.sorted() { byCustomer[profiles[index]!.customer, default: []].append(index) }
        var chosen: String?
        for index in profiles.keys.sorted() {
            let customer = profiles[index]!.customer
            let settled = try byCustomer[customer]!.allSatisfy { other in
                try engine.complaint(Self.complaintId(other))?.status == .closed && !profiles[other]!.reopens
            }
            if settled {
                chosen = customer
                break
            }
        }
        guard let customer = chosen ?? profiles.keys.sorted().first.flatMap({ profiles[$0]?.customer }) else { return }
        try await handle(Self.officer, StreamKind.customerStreamId(customer), "forget:\(customer)",
                         .forgetCustomer(ForgetCustomer(customerId: customer)))
        forgotten.insert(customer)
        outcome.forgottenCustomer = customer
    }

    // MARK: Improvement cycle

    private func openImprovement() async throws {
        let now = clock.now()
        try await engine.recordImprovementSuggestions()
        let suggestions = try engine.improvementSuggestions()
        outcome.suggestionCount = suggestions.count
        // Take up the recurring root cause of the category resolved late most often so far.
        var suggestion: SuggestedImprovement?
        var worst = Double.infinity
        for candidate in suggestions where candidate.suggestion.rule == .recurringRootCause {
            guard let category = candidate.suggestion.figures.category else { continue }
            let onTime = try engine.kpis(from: settings.start, to: now, where: KPISlice(category: category)).value(.resolutionOnTimeRate) ?? 1
            if onTime < worst {
                worst = onTime
                suggestion = candidate
            }
        }
        outcome.suggestion = suggestion
        let category = suggestion?.suggestion.figures.category ?? .logistics
        let causeClass = suggestion?.suggestion.figures.causeClass ?? .processGap
        let id = "PDCA-1"
        let slice = KPISlice(category: category)
        let baseline = try engine.kpis(from: settings.start, to: now, where: slice).value(.resolutionOnTimeRate) ?? 0.5
        let target = min(0.99, ((baseline + 0.05) * 100).rounded(.down) / 100)
        let owner = Self.analyst
        let actions: [(id: String, owner: Actor, type: ActionType, criterion: String)] = [
            ("A-1", Self.supervisor, .process, "Every \(category.rawValue) complaint is assigned within one hour."),
            ("A-2", Self.analyst, .training, "Every handler of \(category.rawValue) complaints is trained on the new checklist."),
        ]
        var commands: [(Actor, WorkflowCommand)] = [
            (owner, .openImprovement(OpenImprovement(
                trigger: suggestion?.suggestion.trigger ?? .manual, evidence: suggestion?.suggestion.evidence ?? [],
                suggestionId: suggestion?.suggestion.suggestionId,
                problem: suggestion?.decided.reason ?? "\(category.rawValue) complaints are resolved late.",
                impactScope: [.otherCustomers, .operations], owner: owner.id))),
            (owner, .recordImprovementRootCause(RecordImprovementRootCause(
                causeClass: causeClass, method: .fishbone, description: "Hand-offs in \(category.rawValue) wait for the next shift."))),
            (owner, .setObjective(SetObjective(
                objectiveId: "O-1", kpi: .resolutionOnTimeRate, filter: ObjectiveFilter(category: category),
                baseline: Period(from: settings.start, to: now), target: target))),
        ]
        for action in actions {
            commands.append((owner, .planAction(PlanAction(
                actionId: action.id, owner: action.owner.id, due: now.addingTimeInterval(3 * 86_400),
                acceptanceCriterion: action.criterion, type: action.type))))
        }
        commands.append((owner, .submitPlan(SubmitPlan())))
        commands.append((Self.manager, .approvePlan(ApprovePlan(note: "Go ahead."))))
        for action in actions { commands.append((action.owner, .startAction(StartAction(actionId: action.id)))) }
        for (index, command) in commands.enumerated() { try await handle(command.0, id, "\(id)/\(index)", command.1) }
        improvement = (id, category, actions.map { ($0.id, $0.owner) })
        outcome.improvementId = id
        schedule(.finishActions, at: now.addingTimeInterval(Double(settings.days) * 0.1 * 86_400))
    }

    private func finishActions() async throws {
        guard let improvement else { return }
        for (index, action) in improvement.actions.enumerated() {
            try await handle(action.owner, improvement.id, "\(improvement.id)/complete-\(index)",
                             .completeAction(CompleteAction(actionId: action.id, note: "Done.")))
        }
        // From now on the improved process shows in how the category's complaints are handled.
        improvedCategory = improvement.category
    }

    private func evaluate() async throws {
        guard let improvement, try engine.improvement(improvement.id)?.status == .checking else { return }
        try await handle(Self.analyst, improvement.id, "\(improvement.id)/evaluate",
                         .evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")))
        if try engine.improvement(improvement.id)?.status == .standardising {
            try await handle(Self.analyst, improvement.id, "\(improvement.id)/standardise",
                             .standardise(Standardise(standardReference: "SOP-\(improvement.category.rawValue)-v2", trainingDone: true)))
        }
    }

    /// Handles a command that must be accepted (the demo's own bookkeeping commands).
    private func handle(_ actor: Actor, _ stream: String, _ commandId: String, _ command: WorkflowCommand) async throws {
        try await engine.handle(CommandEnvelope(commandId: commandId, streamId: stream, actor: actor, command: command))
        outcome.commands += 1
    }

    // MARK: The agenda

    private func schedule(_ work: Work, at time: Date) {
        sequence += 1
        queue.append(Entry(time: time, sequence: sequence, work: work))
        var child = queue.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard queue[child].precedes(queue[parent]) else { break }
            queue.swapAt(child, parent)
            child = parent
        }
    }

    private func popFirst() -> Entry? {
        guard !queue.isEmpty else { return nil }
        queue.swapAt(0, queue.count - 1)
        let first = queue.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < queue.count, queue[left].precedes(queue[smallest]) { smallest = left }
            if right < queue.count, queue[right].precedes(queue[smallest]) { smallest = right }
            if smallest == parent { break }
            queue.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
