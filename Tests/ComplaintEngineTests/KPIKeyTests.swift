@testable import ComplaintEngine
import EventLog
import Foundation
import Testing

@Suite struct KPIKeyTests {
    static let block = UInt64(1) << 32

    /// The first and last value of the block a big-endian prefix stands for.
    static func bounds(_ prefix: [UInt8]) -> (UInt64, UInt64) {
        let high = prefix.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let shift = UInt64(8 * (8 - prefix.count))
        let first = high << shift
        return (first, first | ((UInt64(1) << shift) - 1))
    }

    @Test(arguments: [
        (UInt64(0), UInt64(0)),
        (1_772_380_800_000_000, 1_772_985_600_000_000),   // a week of 2026 in µs
        (1_772_380_800_000_000, 1_775_059_200_000_000),   // a month
        (1_767_225_600_000_000, 1_798_761_600_000_000),   // a year
        (UInt64(1) << 40, (UInt64(1) << 48) - 1),
        (UInt64.max - 5, UInt64.max),
    ])
    func prefixesCoverTheRangeContiguouslyAndNoMoreThanABlockBeyond(lower: UInt64, upper: UInt64) {
        let prefixes = KPIProjection.coveringPrefixes(lower, upper)
        let blocks = prefixes.map(Self.bounds)
        #expect(prefixes.allSatisfy { (1...4).contains($0.count) })
        #expect(blocks.first!.0 <= lower && lower - blocks.first!.0 < Self.block)
        #expect(blocks.last!.1 >= upper && blocks.last!.1 - upper < Self.block)
        #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.1 &+ 1 == $1.0 })
        #expect(prefixes.count <= 2 * 255 * 4)
    }

    @Test func aReversedRangeHasNoPrefix() {
        #expect(KPIProjection.coveringPrefixes(10, 9).isEmpty)
    }

    @Test func factsKeysSortByReceiptThenId() {
        let early = KPIProjection.factsKey(receivedAt: Date(timeIntervalSince1970: 1_000), complaint: "Z")
        let late = KPIProjection.factsKey(receivedAt: Date(timeIntervalSince1970: 1_000.000_001), complaint: "A")
        #expect(early.lexicographicallyPrecedes(late))
        #expect(KPIProjection.instant(inKey: early[...]) == 1_000_000_000)
    }
    @Test func theProjectionsOwnFoldAgreesWithTheComplaintState() async throws {
        let history = try await KPIHistory.make()
        defer { history.finish() }
        let tag = KPIProjection.stateTag
        let stored = try history.engine.log.dumpProjection("kpi").filter { $0.key.first == tag }
        #expect(stored.count == 5)
        for entry in stored {
            let id = String(decoding: entry.key.dropFirst(), as: UTF8.self)
            #expect(try StoredState.decode(entry.value) == history.engine.complaint(id), "\(id)")
        }
    }
}
