import Foundation
import Testing
@testable import ComplaintPolicy

/// A preset with overrides gets its own version label unless the overrides name one, so the audit
/// trail (every event records the policy version) tells it apart from the preset.
@Suite("Version labels of overridden policies")
struct OverriddenVersionTests {
    /// `<preset label>+` and eight lowercase hex digits.
    static func isDerived(_ version: String, from preset: ServicePolicy) -> Bool {
        guard version.hasPrefix(preset.version + "+") else { return false }
        let suffix = version.dropFirst(preset.version.count + 1)
        return suffix.count == 8 && suffix.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    @Test func overridesWithoutAVersionGetADerivedDeterministicLabel() throws {
        let loaded = try ServicePolicy.load(yaml: "preset: standard\noverrides: {highAmount: 5}")
        #expect(loaded.version != ServicePolicy.standard.version)
        #expect(Self.isDerived(loaded.version, from: .standard))
        // The same overrides give the same label however they are written.
        #expect(try ServicePolicy.load(yaml: "overrides:\n  highAmount: 5").version == loaded.version)
        #expect(try ServicePolicy.standard.applying(overrides: ["highAmount": 5]) == loaded)
        // Different overrides, or another preset, give another label.
        let other = try ServicePolicy.load(yaml: "preset: standard\noverrides: {highAmount: 6}")
        #expect(Self.isDerived(other.version, from: .standard) && other.version != loaded.version)
        let category = try ServicePolicy.load(yaml: "preset: category2025\noverrides: {highAmount: 5}")
        #expect(Self.isDerived(category.version, from: .category2025))
    }

    @Test func theLabelIsPinnedToThePresetLabelAndTheCanonicalBytes() throws {
        // The first eight hex digits of SHA-256 over the canonical bytes still labelled `standard-1`
        // (computed outside Swift: `standard`'s canonical JSON with `"highAmount":5`, through sha256).
        let loaded = try ServicePolicy.load(yaml: "preset: standard\noverrides: {highAmount: 5}")
        #expect(loaded.version == "standard-1+eb99820e")
        var unlabelled = loaded
        unlabelled.version = ServicePolicy.standard.version
        #expect(ServicePolicy.derivedVersion(from: "standard-1", canonicalBytes: unlabelled.canonicalBytes()) == loaded.version)
    }

    @Test func theDerivedLabelSurvivesTheCanonicalBytes() throws {
        let policy = try ServicePolicy.load(yaml: "preset: standard\noverrides: {clocks.resolution.target: 27h}")
        let bytes = policy.canonicalBytes()
        let loaded = try ServicePolicy.load(json: Data(bytes))
        #expect(loaded == policy && loaded.version == policy.version)
        #expect(loaded.canonicalBytes() == bytes)
    }

    @Test func anExplicitVersionWinsAndOverridesThatChangeNothingKeepThePresetLabel() throws {
        let named = try ServicePolicy.load(yaml: "preset: standard\noverrides: {version: acme-3, highAmount: 5}")
        #expect(named.version == "acme-3")
        #expect(try ServicePolicy.load(yaml: "preset: standard\noverrides: {}") == .standard)
        #expect(try ServicePolicy.standard.applying(overrides: ["highAmount": .integer(Int64(ServicePolicy.standard.highAmount))]) == .standard)
        #expect(try ServicePolicy.category2025.applying(overrides: ["categories": ["logistics"]]) == .category2025)
    }
}
