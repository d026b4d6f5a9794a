public import ComplaintPolicy
public import ComplaintWorkflow
public import Foundation

/// The standard workload of `WORKLOAD.md`: the same complaints, commands, actors and simulated
/// times for a given seed, so that benchmarks and tests on different machines do the same work.
///
/// Complaint `i` (0-based, stream `C-i`) is received at `start + 3 s × i`; each later step of the
/// same complaint comes 1 minute after the previous one, so every SLA clock stops on time and no
/// timer ever fires. The seed only varies the free text (customer names, descriptions); the shape of
/// every complaint (channel, category, severity, owner, escalation, approval, rejection round,
/// satisfaction score) follows from `i` alone.
///
/// ```swift
/// let workload = StandardWorkload(seed: 7)
/// let clock = ManualClock(workload.start)
/// let engine = try await ComplaintEngine.open(
///     directory: path, configuration: .init(policy: StandardWorkload.policy, clock: clock))
/// let report = try await workload.run(on: engine, clock: clock, complaints: 1_000, mode: .perCommand)
/// print(report.eventsPerComplaint)   // about 12.3
/// ```
///
/// Use ``steps(forComplaint:)`` to submit the commands some other way (per complaint, in batches):
/// each ``Step`` carries the time the clock must show when its command is handled.
public struct StandardWorkload: Sendable, Hashable {
    /// Varies the free text of the complaints; everything else depends on the complaint's index.
    public var seed: UInt64
    /// When complaint 0 is received.
    public var start: Date

    /// The policy the workload is written for: `ServicePolicy/standard` with the repeat rule off
    /// (customers complain every 5,000 complaints, which the repeat rule would escalate).
    public static var policy: ServicePolicy {
        var policy = ServicePolicy.standard
        policy.repeatRule.enabled = false
        return policy
    }

    /// The default start: Monday 2 March 2026, 09:00 in Beijing.
    public static let defaultStart = Date(timeIntervalSince1970: 1_772_413_200)

    /// Seconds between the receipts of consecutive complaints.
    public static let receiptSpacing: TimeInterval = 3
    /// Seconds between consecutive steps of one complaint.
    public static let stepSpacing: TimeInterval = 60
    /// The most steps one complaint has (the rejection round).
    public static let maximumSteps = 16
    /// Receipt slots between two steps of one complaint (`stepSpacing / receiptSpacing`).
    static let slotsPerStep = 20
    /// Distinct customers (`cust-0` … `cust-4999`).
    public static let customers = 5_000
    /// Distinct owners (`agent-0` … `agent-49`).
    public static let owners = 50

    /// Creates the workload for `seed`, starting at `start`.
    public init(seed: UInt64 = 1, start: Date = StandardWorkload.defaultStart) {
        self.seed = seed
        self.start = start
    }

    /// One command of the workload and the time the clock shows when it is handled.
    public struct Step: Sendable, Hashable {
        /// The complaint's index.
        public var complaint: Int
        /// The step's index within its complaint (0 is the receipt).
        public var index: Int
        /// When the command is handled.
        public var time: Date
        /// The command, with its deterministic command id (`C-<i>/<index>`).
        public var envelope: CommandEnvelope
    }

    /// The stream of complaint `i`.
    public static func streamId(_ complaint: Int) -> String { "C-\(complaint)" }

    /// The customer of complaint `i`: `cust-(i mod 5000)`.
    public static func customerId(_ complaint: Int) -> String { "cust-\(complaint % customers)" }

    /// The owner of complaint `i`: `agent-(i mod 50)`, with the agent role.
    public static func owner(_ complaint: Int) -> Actor { Actor(id: "agent-\(complaint % owners)", role: .agent) }

    /// Every command of complaint `i`, in order, each with its time.
    public func steps(forComplaint i: Int) -> [Step] {
        precondition(i >= 0, "complaint indices start at 0")
        let stream = Self.streamId(i)
        let receivedAt = start.addingTimeInterval(Self.receiptSpacing * Double(i))
        var text = TextSource(seed: seed, complaint: i)
        let channel = Self.channels[i % Self.channels.count]
        let frontDesk = Actor(id: "agent-desk-\(i % 20)", role: .agent)
        let supervisor = Actor(id: "supervisor-\(i % 10)", role: .supervisor)
        let executive = Actor(id: "executive-\(i % 3)", role: .executive)
        let owner = Self.owner(i)
        let customer = Actor(id: Self.customerId(i), role: .customer)

        var commands: [(Actor, WorkflowCommand)] = []
        commands.append((frontDesk, .receiveComplaint(ReceiveComplaint(
            customer: customerDetails(i), channel: channel, description: text.description(),
            amountInvolved: i % 4 == 1 ? try! Money(amount: 5_000 + i % 45_000, currency: "CNY") : nil))))
        commands.append((frontDesk, .acknowledgeComplaint(AcknowledgeComplaint(
            channel: channel, message: "We have received your complaint and will reply within one working day."))))
        commands.append((frontDesk, .classifyComplaint(ClassifyComplaint(category: Category.defaults[i % Category.defaults.count]))))
        let (severity, urgency): (Severity, Urgency) =
            i % 50 == 0 ? (.critical, .urgent) : i % 10 == 0 ? (.serious, .normal) : (.general, .normal)
        commands.append((frontDesk, .assessSeverity(AssessSeverity(severity: severity, urgency: urgency))))
        commands.append((supervisor, .assignComplaint(AssignComplaint(owner: owner.id))))
        if i % 10 == 5 {
            commands.append((frontDesk, .escalateComplaint(EscalateComplaint(
                toLevel: 2, reason: "The customer asked to speak to a manager."))))
        }
        commands.append((owner, .startInvestigation(StartInvestigation())))
        // Every proposal is due one day after the step that proposes it.
        func resolutionRound(dueAfterStep step: Int) -> [(Actor, WorkflowCommand)] {
            var round: [(Actor, WorkflowCommand)] = [(owner, .proposeResolution(ProposeResolution(
                remedies: [.apology, .refund], responsibility: .company,
                actionPlan: "Apologise to the customer and refund the order in full.",
                dueAt: receivedAt.addingTimeInterval(Self.stepSpacing * Double(step) + 86_400))))]
            if i % 50 == 0 {
                round.append((executive, .approveResolution(ApproveResolution(note: "Approved: critical complaint."))))
            }
            round.append((owner, .implementResolution(ImplementResolution(actionsDone: "Refund issued and apology sent."))))
            round.append((owner, .communicateResult(CommunicateResult(
                channel: channel, rootCauseExplained: true, apologyGiven: true, recourseInformed: true))))
            return round
        }
        commands += resolutionRound(dueAfterStep: commands.count)
        if i % 20 == 7 {
            commands.append((frontDesk, .recordCustomerResponse(RecordCustomerResponse(
                accepted: false, reason: "The refund does not cover the delivery fee."))))
            commands += resolutionRound(dueAfterStep: commands.count)
        }
        commands.append((frontDesk, .recordCustomerResponse(RecordCustomerResponse(accepted: true))))
        commands.append((customer, .recordSatisfaction(RecordSatisfaction(score: 1 + (i * 7) % 5, method: .online))))
        commands.append((owner, .closeComplaint(CloseComplaint(reason: .resolved))))

        return commands.enumerated().map { index, entry in
            Step(
                complaint: i, index: index, time: receivedAt.addingTimeInterval(Self.stepSpacing * Double(index)),
                envelope: CommandEnvelope(commandId: "\(stream)/\(index)", streamId: stream, actor: entry.0, command: entry.1))
        }
    }

    /// Every command of complaints `0 ..< complaints`, grouped by the instant they are due, in time
    /// order; within an instant, by complaint. Commands of one instant are for different complaints
    /// and may be handled concurrently.
    public func schedule(complaints: Int) -> some Sequence<[Step]> & Sendable {
        Schedule(workload: self, complaints: complaints)
    }

    /// The inbound channels, in the order complaints cycle through them.
    public static let channels: [Channel] = [.phone, .onlineChat, .email, .socialMedia, .companyApp]

    /// The customer details of complaint `i` (the same for every complaint of one customer).
    func customerDetails(_ i: Int) -> CustomerDetails {
        let number = i % Self.customers
        var text = TextSource(seed: seed, complaint: -1 - number)
        return CustomerDetails(
            id: Self.customerId(i), name: text.name(),
            phone: "13" + String(String(1_000_000_000 + (number &* 7_919 &+ Int(truncatingIfNeeded: seed % 1_000_000)) % 1_000_000_000).dropFirst()),
            email: "customer\(number)@example.cn")
    }
}

/// The workload's commands in time order, one instant at a time, generating each complaint's steps
/// only while it is in flight (memory stays flat however many complaints there are).
struct Schedule: Sequence, Sendable {
    let workload: StandardWorkload
    let complaints: Int

    struct Iterator: IteratorProtocol {
        let workload: StandardWorkload
        let complaints: Int
        var slot = 0
        var inFlight: [Int: [StandardWorkload.Step]] = [:]

        mutating func next() -> [StandardWorkload.Step]? {
            while slot < complaints || !inFlight.isEmpty {
                defer { slot += 1 }
                if slot < complaints { inFlight[slot] = workload.steps(forComplaint: slot) }
                var due: [StandardWorkload.Step] = []
                // Step k of complaint i is due at slot i + 20 k; walk k downwards so that complaints come in order.
                for k in stride(from: StandardWorkload.maximumSteps - 1, through: 0, by: -1) {
                    let i = slot - StandardWorkload.slotsPerStep * k
                    guard i >= 0, let steps = inFlight[i], k < steps.count else { continue }
                    due.append(steps[k])
                    if k == steps.count - 1 { inFlight[i] = nil }
                }
                if !due.isEmpty { return due }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(workload: workload, complaints: complaints) }
}
