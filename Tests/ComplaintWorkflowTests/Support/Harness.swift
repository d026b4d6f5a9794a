import ComplaintPolicy
import Foundation
@testable import ComplaintWorkflow

/// Parses an ISO 8601 instant such as `2026-03-02T09:00:00+08:00`.
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else { fatalError("bad instant \(text)") }
    return date
}

/// Monday 2 March 2026, 09:00 in Shanghai: the start of every scenario.
let monday9 = instant("2026-03-02T09:00:00+08:00")

enum Actors {
    static let agent = Actor(id: "agent-1", role: .agent)
    static let otherAgent = Actor(id: "agent-2", role: .agent)
    static let owner = Actor(id: "owner-1", role: .agent)
    static let specialist = Actor(id: "spec-1", role: .specialist)
    static let supervisor = Actor(id: "sup-1", role: .supervisor)
    static let manager = Actor(id: "mgr-1", role: .manager)
    static let executive = Actor(id: "exec-1", role: .executive)
    static let customer = Actor(id: "cust-1", role: .customer)
    static let otherCustomer = Actor(id: "cust-2", role: .customer)
    static let analyst = Actor(id: "qa-1", role: .qualityAnalyst)
    static let auditor = Actor(id: "audit-1", role: .auditor)
    static let dpo = Actor(id: "dpo-1", role: .dataProtectionOfficer)
    static let system = Actor.system
}

/// An in-memory stand-in for the engine: fires due timers before each command, decides, folds.
struct Harness {
    var policy: ServicePolicy
    var streamId = "C-1"
    var now = monday9
    var state: ComplaintState?
    var version = 0
    var recorded: [DecidedEvent] = []
    var earlier: [EarlierComplaint] = []
    var customer: CustomerStanding = .known
    var duplicateOfExists = false
    /// Statuses a random walk passed through.
    var statusesSeen: Set<ComplaintStatus> = []

    init(policy: ServicePolicy = .standard) { self.policy = policy }

    var complaint: ComplaintState { state! }

    /// Decides and records `command`; returns the events it recorded (timers fired first are in
    /// `recorded` but not returned).
    @discardableResult
    mutating func send(_ command: WorkflowCommand, as actor: Actor, expectedVersion: Int? = nil) throws(WorkflowError) -> [DecidedEvent] {
        advance(to: now)
        let context = DecisionContext(
            now: now, policy: policy, streamKind: state == nil ? nil : .complaint, streamVersion: version,
            earlierComplaints: earlier, customer: customer, duplicateOfExists: duplicateOfExists)
        let envelope = CommandEnvelope(
            commandId: "cmd-\(recorded.count)", streamId: streamId, actor: actor, expectedVersion: expectedVersion, command: command)
        let events = try decide(state, envelope, context)
        apply(events)
        return events
    }

    /// The refusal of `command`, or `nil` when it was accepted.
    mutating func refusal(_ command: WorkflowCommand, as actor: Actor, expectedVersion: Int? = nil) -> WorkflowError? {
        do {
            try send(command, as: actor, expectedVersion: expectedVersion)
            return nil
        } catch {
            return error
        }
    }

    /// Moves the clock to `target`, firing due timers; returns what they recorded.
    @discardableResult
    mutating func advance(to target: Date) -> [DecidedEvent] {
        guard let state else {
            now = target
            return []
        }
        let events = tick(state, until: target, streamId: streamId, policy: policy)
        apply(events)
        now = max(now, target)
        return events
    }

    /// Moves the clock by `seconds`.
    @discardableResult
    mutating func advance(by seconds: TimeInterval) -> [DecidedEvent] { advance(to: now.addingTimeInterval(seconds)) }

    mutating func apply(_ events: [DecidedEvent]) {
        for event in events {
            state = evolve(state, event, policy: policy)
            version += 1
            recorded.append(event)
        }
    }
}

func money(_ amount: Int) -> Money { try! Money(amount: amount) }

enum Sample {
    static let receive = ReceiveComplaint(
        customer: CustomerDetails(id: "cust-1", name: "Li Lei", phone: "13800000000"), channel: .phone,
        description: "Parcel arrived damaged", remedySought: "refund")
    static let classify = ClassifyComplaint(category: .logistics)
    static let assess = AssessSeverity(severity: .general, urgency: .normal)
    static let assign = AssignComplaint(owner: "owner-1", department: "logistics")
    static func propose(compensation: Int? = nil) -> ProposeResolution {
        ProposeResolution(
            remedies: [.refund], compensationAmount: compensation.map(money), responsibility: .company,
            actionPlan: "Refund and apologise", dueAt: monday9.addingTimeInterval(86_400))
    }
    static let communicate = CommunicateResult(channel: .phone, rootCauseExplained: true, apologyGiven: true, recourseInformed: true)
}

/// Where a scenario leaves the complaint before the command under test.
enum Stage: String, CaseIterable, CustomStringConvertible {
    case received, assigned, investigating, awaitingApproval, implementing, implemented, awaitingCustomer, resolved
    case closedResolved, closedWithdrawn

    var description: String { rawValue }

    /// The status the stage has.
    var status: ComplaintStatus {
        switch self {
        case .received: .received
        case .assigned: .assigned
        case .investigating: .investigating
        case .awaitingApproval: .awaitingApproval
        case .implementing, .implemented: .implementing
        case .awaitingCustomer: .awaitingCustomer
        case .resolved: .resolved
        case .closedResolved, .closedWithdrawn: .closed
        }
    }

    /// A harness at this stage: received, classified and assessed; from `assigned` on owned by
    /// `owner-1`; `awaitingApproval` through compensation above the limit.
    func harness(policy: ServicePolicy = .standard) -> Harness {
        var harness = Harness(policy: policy)
        do {
            try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
            try harness.send(.classifyComplaint(Sample.classify), as: Actors.agent)
            try harness.send(.assessSeverity(Sample.assess), as: Actors.agent)
            if self == .closedWithdrawn {
                try harness.send(.withdrawComplaint(WithdrawComplaint()), as: Actors.customer)
                return harness
            }
            guard self != .received else { return harness }
            try harness.send(.assignComplaint(Sample.assign), as: Actors.supervisor)
            guard self != .assigned else { return harness }
            try harness.send(.startInvestigation(StartInvestigation()), as: Actors.owner)
            guard self != .investigating else { return harness }
            if self == .awaitingApproval {
                try harness.send(.proposeResolution(Sample.propose(compensation: 500_000)), as: Actors.owner)
                return harness
            }
            try harness.send(.proposeResolution(Sample.propose()), as: Actors.owner)
            guard self != .implementing else { return harness }
            try harness.send(.implementResolution(ImplementResolution(actionsDone: "Refunded")), as: Actors.owner)
            guard self != .implemented else { return harness }
            try harness.send(.communicateResult(Sample.communicate), as: Actors.owner)
            guard self != .awaitingCustomer else { return harness }
            try harness.send(.recordCustomerResponse(RecordCustomerResponse(accepted: true)), as: Actors.customer)
            guard self != .resolved else { return harness }
            try harness.send(.closeComplaint(CloseComplaint(reason: .resolved)), as: Actors.owner)
        } catch {
            fatalError("stage \(self) could not be reached: \(error)")
        }
        return harness
    }
}
