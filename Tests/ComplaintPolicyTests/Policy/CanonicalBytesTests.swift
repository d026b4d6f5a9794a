import Foundation
import Testing
@testable import ComplaintPolicy
import SeededRandom

@Suite("Canonical policy bytes")
struct CanonicalBytesTests {
    static func customised() throws -> ServicePolicy {
        try ServicePolicy.category2025.applying(overrides: PolicyValue(yaml: """
            version: acme-2026.1
            escalation.acknowledgementBreach.toLevel: null
            clocksByProblemClass.special.followUp.target: 12h
            calendar:
              timeZone: America/New_York
              holidays: [2026-12-25]
              extraWorkingDays: {2026-12-27: ["10:00-14:00"]}
            kpiTargets: {transferRate: 0.05, meanAcknowledgementMinutes: 45}
            categories: [warranty, billing]
            """))
    }

    @Test(arguments: [0, 1, 2])
    func bytesRoundTrip(which: Int) throws {
        let policy = try [ServicePolicy.standard, .category2025, Self.customised()][which]
        let bytes = policy.canonicalBytes()
        let loaded = try ServicePolicy.load(json: Data(bytes))
        #expect(loaded == policy)
        #expect(loaded.canonicalBytes() == bytes)
        #expect(!bytes.contains(UInt8(ascii: " ")) && !bytes.contains(UInt8(ascii: "\n")))
    }

    @Test func equalPoliciesGiveEqualBytesAndDifferentOnesDiffer() throws {
        #expect(try Self.customised().canonicalBytes() == Self.customised().canonicalBytes())
        let changed = try ServicePolicy.standard.applying(overrides: ["highAmount": 1_000_001])
        #expect(changed.canonicalBytes() != ServicePolicy.standard.canonicalBytes())
        let prefix = #"{"approval":{"compensationLimit":100000},"calendar":{"extraWorkingDays":{},"holidays":[],"timeZone":"Asia/Shanghai","#
        #expect(String(decoding: ServicePolicy.standard.canonicalBytes(), as: UTF8.self).hasPrefix(prefix))
    }

    @Test func codableUsesTheDocument() throws {
        let policy = try Self.customised()
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(ServicePolicy.self, from: data) == policy)
    }
}

extension CanonicalBytesTests {
    /// Random but valid overrides, drawn from a seeded generator.
    static func randomOverrides(using generator: inout SplitMix64) -> [String: PolicyValue] {
        let zones = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"]
        var overrides: [String: PolicyValue] = [
            "clocks.acknowledgement.target": .string("\(Int.random(in: 1...300, using: &generator))m"),
            "clocks.resolution.target": .string("\(Int.random(in: 1...60, using: &generator))h\(Int.random(in: 0...59, using: &generator))m"),
            "clocks.followUp.warnAt": .number(Double(Int.random(in: 1...99, using: &generator)) / 100),
            "escalation.highImpact.toLevel": .integer(Int64.random(in: 0...5, using: &generator)),
            "escalation.secondRejection.enabled": .bool(Bool.random(using: &generator)),
            "highAmount": .integer(Int64.random(in: 0...10_000_000, using: &generator)),
            "repeat.days": .integer(Int64.random(in: 1...90, using: &generator)),
            "satisfactionThreshold": .integer(Int64.random(in: 1...5, using: &generator)),
            "calendar.timeZone": .string(zones[Int.random(in: 0..<zones.count, using: &generator)]),
            "kpiTargets.escalationRate": .number(Double(Int.random(in: 0...1000, using: &generator)) / 1000),
            "suggestions.recurringRootCause.count": .integer(Int64.random(in: 1...20, using: &generator)),
        ]
        if Bool.random(using: &generator) {
            let day = Int.random(in: 1...28, using: &generator)
            overrides["calendar.holidays"] = [.string("2026-05-\(day < 10 ? "0" : "")\(day)")]
        }
        if Bool.random(using: &generator) {
            overrides["warnAt"] = .number(Double(Int.random(in: 1...99, using: &generator)) / 100)
        }
        return overrides
    }

    @Test func randomPoliciesRoundTripThroughTheirBytes() throws {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<150 {
            let base = Bool.random(using: &generator) ? ServicePolicy.standard : .category2025
            let policy = try base.applying(overrides: Self.randomOverrides(using: &generator))
            let bytes = policy.canonicalBytes()
            let loaded = try ServicePolicy.load(json: Data(bytes))
            #expect(loaded == policy)
            #expect(loaded.canonicalBytes() == bytes)
            let fromYAML = try ServicePolicy.load(yaml: String(decoding: bytes, as: UTF8.self))
            #expect(fromYAML == policy)
        }
    }
}
