import Foundation
import Testing
@testable import ComplaintPolicy

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
