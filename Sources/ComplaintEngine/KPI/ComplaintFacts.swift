import ComplaintPolicy
import ComplaintWorkflow
import Foundation

/// What the KPIs of DOMAIN.md §6 need to know about one complaint, kept by ``KPIProjection`` as one
/// binary value under the complaint's receipt key. Nothing in it is personal data, so a rebuild
/// after an erasure writes the same bytes.
struct ComplaintFacts: Codable, Hashable, Sendable {
    /// The cohort instant.
    var receivedAt: Date
    /// The channel at receipt.
    var channel: Channel
    /// The latest category.
    var category: Category?
    /// The latest owner.
    var owner: String?
    /// The latest department.
    var department: String?
    /// Reached `resolved` at least once (a `CustomerAccepted`).
    var resolvedEver = false
    /// Why it is closed now (`nil` while open, and again after a reopen).
    var closedReason: ClosureReason?
    /// Transferred at least once to another department (a first department counts as another).
    var transferred = false
    /// At least one `ComplaintEscalated`, manual or automatic.
    var escalated = false
    /// At least one `ComplaintReopened`.
    var reopened = false
    /// A `RepeatComplaintDetected` was recorded.
    var repeatDetected = false
    /// Decided at the first `CustomerAccepted`: no transfer to another department, no escalation and
    /// no `CustomerRejected` before it. `nil` until then.
    var firstContactResolved: Bool?
    /// Elapsed seconds from receipt to the first `ComplaintAcknowledged`.
    var acknowledgementSeconds: Double?
    /// Every clock instance started so far, ordered by clock then instance.
    var clocks: [ClockInstanceFacts] = []
    /// Every satisfaction score, in the order recorded.
    var scores: [Int] = []

    init(receivedAt: Date, channel: Channel) {
        self.receivedAt = receivedAt
        self.channel = channel
    }

    /// The facts after `event`, given the complaint's state before and after it.
    mutating func record(_ event: DecidedEvent, before: ComplaintState?, after: ComplaintState) {
        switch event.event {
        case .complaintAcknowledged:
            if acknowledgementSeconds == nil { acknowledgementSeconds = event.occurredAt.timeIntervalSince(receivedAt) }
        case .complaintEscalated:
            escalated = true
        case .customerAccepted:
            if firstContactResolved == nil {
                let transferredBefore = before?.transferredToOtherDepartment ?? false
                let rejectedBefore = (before?.rejectionCount ?? 0) > 0
                firstContactResolved = !transferredBefore && !escalated && !rejectedBefore
            }
            resolvedEver = true
        case .complaintReopened:
            reopened = true
        case .repeatComplaintDetected:
            repeatDetected = true
        case .satisfactionRecorded(let satisfaction):
            scores.append(satisfaction.score)
        default:
            break
        }
        category = after.category
        owner = after.owner
        department = after.department
        closedReason = after.closedReason
        transferred = transferred || after.transferredToOtherDepartment
        for clock in after.clocks.values { merge(ClockInstanceFacts(clock)) }
    }

    /// Replaces the stored instance with the same clock and number, or inserts it in order.
    private mutating func merge(_ instance: ClockInstanceFacts) {
        if let index = clocks.firstIndex(where: { $0.clock == instance.clock && $0.instance == instance.instance }) {
            clocks[index] = instance
        } else {
            clocks.append(instance)
            clocks.sort { ($0.clock, $0.instance) < ($1.clock, $1.instance) }
        }
    }

    /// The instances of `clock`.
    func instances(of clock: ClockName) -> [ClockInstanceFacts] { clocks.filter { $0.clock == clock } }
}

/// One SLA clock instance of a complaint as the KPIs see it.
struct ClockInstanceFacts: Codable, Hashable, Sendable {
    /// Which clock.
    var clock: ClockName
    /// Its instance number (1, 2, …).
    var instance: Int
    /// Its phase after the latest event.
    var phase: ClockPhase
    /// On time, late, open or void (DOMAIN.md §4).
    var outcome: ClockOutcome
    /// Seconds used up to its latest pause, stop or cancel (final once stopped), in the instance's own
    /// calendar: working seconds for a business clock.
    var usedSeconds: Int64
}

extension ClockInstanceFacts {
    /// The facts of `clock` as it stands.
    init(_ clock: SLAClock) {
        self.init(
            clock: clock.name, instance: clock.instance, phase: clock.phase, outcome: clock.outcome,
            usedSeconds: clock.usedSeconds)
    }
}

/// An `InteractionsRecorded` event as the complaint rate's denominator needs it.
struct InteractionFacts: Codable, Hashable, Sendable {
    var channel: Channel
    var count: Int
    var from: Date
    var to: Date
}
