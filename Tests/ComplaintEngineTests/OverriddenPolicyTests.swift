import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation
import Testing

/// A preset with overrides is logged and audited under its own version label.
@Suite struct OverriddenPolicyTests {
    @Test func theAuditTrailTellsAnOverriddenPresetFromThePreset() async throws {
        let store = Store()
        defer { store.remove() }
        let clock = ManualClock(monday9)
        let yaml = "preset: standard\noverrides: {clocks.acknowledgement.target: 1h}"
        var engine = try await ComplaintEngine.open(directory: store.path, configuration: .init(clock: clock))
        try await engine.handle(envelope("c1", receive))
        engine.close()
        engine = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(policy: try ServicePolicy.load(yaml: yaml), clock: clock))
        try await engine.handle(envelope("c2", .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone))))
        engine.close()
        // The same document loads to the same policy: opening with it again logs nothing.
        engine = try await ComplaintEngine.open(
            directory: store.path, configuration: .init(policy: try ServicePolicy.load(yaml: yaml), clock: clock))
        defer { engine.close() }

        let overridden = try ServicePolicy.load(yaml: yaml).version
        #expect(overridden != ServicePolicy.standard.version && overridden.hasPrefix("standard-1+"))
        let policies = try engine.auditTrail(complaint: "policies")
        #expect(policies.map(\.policyVersion) == ["standard-1", overridden])
        let trail = try engine.auditTrail(complaint: "C-1")
        #expect(trail.map(\.policyVersion) == ["standard-1", overridden])
    }
}
