import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// KPIs as of a point in the log's history: after every command of the KPI history, the live
/// figures are noted; afterwards, time travel to each of those points must give exactly them.
@Suite struct KPITimeTravelTests {
    /// The live figures right after one command.
    struct Snapshot {
        var position: UInt64
        var instant: Date
        var allTime: KPIReport
        var byChannel: [KPIRow]
        var logisticsInFirstWeek: KPIReport
    }

    static let firstWeek = try! TimeWindow(from: shanghai("2026-03-02T00:00:00"), to: shanghai("2026-03-09T00:00:00"))
    static let march = (from: shanghai("2026-03-01T00:00:00"), to: shanghai("2026-04-01T00:00:00"))

    /// The live figures now, at the head of the log (whose last record gives the instant).
    static func snapshot(_ engine: ComplaintEngine) throws -> Snapshot {
        let head = try engine.log.headPosition()
        let instant = try #require(try engine.log.read(from: head, limit: 1).first).recordedAt
        return Snapshot(
            position: head, instant: instant, allTime: try engine.kpis(),
            byChannel: try engine.kpis(by: .channel, period: .week, from: march.from, to: march.to),
            logisticsInFirstWeek: try engine.kpis(in: firstWeek, where: KPISlice(category: .logistics)))
    }

    @Test func kpisAsOfEveryPositionEqualTheLiveFiguresNotedThen() async throws {
        var snapshots: [Snapshot] = []
        let history = try await KPIHistory.make { snapshots.append(try Self.snapshot($0)) }
        defer { history.finish() }
        let engine = history.engine
        #expect(snapshots.count > 40)
        // The figures moved during the history, so equal figures at every point are not a coincidence.
        #expect(Set(snapshots.map(\.allTime)).count > 10)

        for snapshot in snapshots {
            let point = ComplaintEngine.HistoryPoint.position(snapshot.position)
            #expect(try engine.kpis(asOf: point) == snapshot.allTime, "all time at \(snapshot.position)")
            #expect(
                try engine.kpis(by: .channel, period: .week, from: Self.march.from, to: Self.march.to, asOf: point)
                    == snapshot.byChannel, "by channel at \(snapshot.position)")
            #expect(
                try engine.kpis(in: Self.firstWeek, where: KPISlice(category: .logistics), asOf: point)
                    == snapshot.logisticsInFirstWeek, "logistics at \(snapshot.position)")
        }
        // At the head, time travel and the live projection agree.
        let head = try engine.log.headPosition()
        #expect(try engine.kpis(asOf: .position(head)) == engine.kpis())
        #expect(try engine.kpis(asOf: .position(0)).figures.values.allSatisfy { $0.denominator == 0 })
    }

    @Test func kpisAsOfAnInstantCountWhatWasRecordedByThen() async throws {
        var snapshots: [Snapshot] = []
        let history = try await KPIHistory.make { snapshots.append(try Self.snapshot($0)) }
        defer { history.finish() }
        // The last snapshot taken at each instant is what was recorded by then.
        let lastAtInstant = Dictionary(snapshots.map { ($0.instant, $0) }, uniquingKeysWith: { $1 })
        #expect(lastAtInstant.count > 10)
        for (instant, snapshot) in lastAtInstant {
            #expect(try history.engine.kpis(asOf: .instant(instant)) == snapshot.allTime, "at \(instant)")
        }
    }
}
