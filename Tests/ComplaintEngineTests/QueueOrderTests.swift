@testable import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import Testing
import SeededRandom

@Suite struct QueueOrderTests {
    /// Instants from a small pool, so ties are frequent: before and after 1970 and 2001, sub-second
    /// and sub-microsecond offsets, the reference date itself.
    static func instant(_ random: inout SplitMix64) -> Date {
        let pool: [TimeInterval] = [-1e9, -1, -0.000_000_1, 0, 0.000_000_1, 0.5, 1, 8.5e8, 8.5e8 + 0.000_001, 8.5e8 + 60, 1e9]
        return Date(timeIntervalSinceReferenceDate: pool.randomElement(using: &random)!)
    }

    static let ids = ["C-1", "C-10", "C-2", "C", "c-1", "投诉-1", "Z", "C-1\u{0}", "q-1", "\u{7F}"]

    static func sortKey(_ random: inout SplitMix64) -> QueueSortKey {
        QueueSortKey(
            severityRank: Int.random(in: 0...2, using: &random), urgencyRank: Int.random(in: 0...1, using: &random),
            customerImportance: Int.random(in: 0...3, using: &random),
            earliestDueAt: Bool.random(using: &random) ? nil : instant(&random), receivedAt: instant(&random),
            id: ids.randomElement(using: &random)!)
    }

    static func bytes(_ key: QueueSortKey) -> [UInt8] { QueueIndex.order(key) + Array(key.id.utf8) }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func keyBytesSortExactlyAsTheDomainOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let keys = (0..<400).map { _ in Self.sortKey(&random) }
        for left in keys {
            let leftBytes = Self.bytes(left)
            #expect(leftBytes.count == QueueIndex.orderLength + left.id.utf8.count)
            for right in keys {
                let rightBytes = Self.bytes(right)
                if leftBytes.lexicographicallyPrecedes(rightBytes) != (left < right) {
                    Issue.record("\(left) vs \(right): bytes and domain order disagree (seed \(seed))")
                    return
                }
                // Equal bytes exactly when neither precedes the other.
                if (leftBytes == rightBytes) != (!(left < right) && !(right < left)) {
                    Issue.record("\(left) vs \(right): equality disagrees (seed \(seed))")
                    return
                }
            }
        }
    }

    /// Whole complaint states (with running, paused and no clocks) placed by the index sort as
    /// their domain sort keys do.
    @Test func placementsOfGeneratedStatesSortAsTheirSortKeys() {
        var random = SplitMix64(seed: 42)
        let policy = ServicePolicy.standard
        var placed: [(key: QueueSortKey, position: [UInt8])] = []
        for index in 0..<300 {
            let receivedAt = Self.instant(&random).addingTimeInterval(8.5e8)
            var state = ComplaintState(
                received: ReceiveComplaint(customer: CustomerDetails(id: "cust"), channel: .email, description: "x"),
                at: receivedAt)
            state.severity = [nil, .general, .serious, .critical].randomElement(using: &random)!
            state.urgency = [nil, .normal, .urgent].randomElement(using: &random)!
            state.customerImportance = Int.random(in: 0...3, using: &random)
            // Running clocks (started at receipt or a little later), a paused one, or none.
            if Bool.random(using: &random) {
                for name in [ClockName.acknowledgement, .resolution] where Bool.random(using: &random) {
                    let start = receivedAt.addingTimeInterval(Double(Int.random(in: 0...3, using: &random)) * 1800)
                    state.clocks[name] = SLAClock(name: name, instance: 1, policy: policy.clocks[name]!, startedAt: start)
                }
            }
            if Bool.random(using: &random), var resolution = state.clocks[.resolution] {
                _ = resolution.pause(at: receivedAt.addingTimeInterval(60), calendar: policy.calendar)
                state.clocks[.resolution] = resolution
                state.clocks[.acknowledgement] = nil
            }
            let id = "\(Self.ids.randomElement(using: &random)!)-\(index % 7)"
            let placement = QueueIndex.Placement(state, id: id, policy: policy)
            placed.append((queueMembership(state, complaintId: id, policy: policy).sortKey, placement.position))
        }
        let byDomain = placed.sorted { $0.key < $1.key }.map(\.position)
        let byBytes = placed.map(\.position).sorted { $0.lexicographicallyPrecedes($1) }
        #expect(byDomain == byBytes)
        // The generator reached every kind of clock set: some keys with a due time, some without.
        #expect(placed.contains { $0.key.earliestDueAt == nil } && placed.contains { $0.key.earliestDueAt != nil })
    }

    @Test func aClosedComplaintIsInNoQueueAndWaitsForNoTimer() {
        var state = ComplaintState(
            received: ReceiveComplaint(customer: CustomerDetails(id: "cust"), channel: .email, description: "x"), at: monday9)
        state.clocks[.acknowledgement] = SLAClock(
            name: .acknowledgement, instance: 1, policy: ServicePolicy.standard.clocks[.acknowledgement]!, startedAt: monday9)
        #expect(!QueueIndex.Placement(state, id: "C-1", policy: .standard).queues.isEmpty)
        #expect(DueTimerIndex.nextDue(state, policy: .standard) != nil)
        state.status = .closed
        #expect(QueueIndex.Placement(state, id: "C-1", policy: .standard) == .nowhere)
        #expect(DueTimerIndex.nextDue(state, policy: .standard) == nil)
    }
}
