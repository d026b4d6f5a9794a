import Crypto
import Foundation

extension ServicePolicy {
    /// A copy of the policy with `overrides` applied, then validated.
    ///
    /// Keys are the names of DOMAIN.md §4 (see `Specs/policy.md`): `version`, `name`,
    /// `clocks.<clock>.{target, calendar, warnAt}`, `clocksByProblemClass.<class>.<clock>.{…}`,
    /// `escalation.<ruleKey>.{enabled, toLevel, increment}`, `approval.compensationLimit`, `highAmount`,
    /// `reopenWindowDays`, `unreachableAttempts`, `repeat.{enabled, count, days}`,
    /// `satisfactionThreshold`, `warnAt`, `categories`, `calendar.{timeZone, workingHours, holidays,
    /// extraWorkingDays}`, `suggestions.<ruleKey>.{enabled, count, days, periods}`, `kpiTargets.<kpi>`.
    /// A key may be dotted (`clocks.resolution.target: 24h`) or nested (`clocks: {resolution: {…}}`).
    /// The global `warnAt` applies first and sets every clock's `warnAt`; a clock's own `warnAt`
    /// wins over it. `categories` adds to the defaults. `calendar.workingHours`, `holidays` and
    /// `extraWorkingDays` each replace the whole previous value. `kpiTargets.<kpi>: null` removes a target.
    ///
    /// Version label: an explicit `version` override wins. Otherwise, when the overrides change
    /// anything, the result is labelled `<version>+<hash>` (`standard-1+1a2b3c4d`: the first eight
    /// hex digits of the SHA-256 of its canonical bytes still labelled `<version>`), so the
    /// audit trail tells it from the policy it was derived from; overrides that change nothing keep
    /// the label (and give an equal policy).
    ///
    /// - Throws: ``PolicyValidationError`` naming the field path for an unknown key, a wrong type, a
    ///   value out of range, a bad time zone, or a business clock target written in days.
    public func applying(overrides: PolicyValue) throws(PolicyValidationError) -> ServicePolicy {
        var leaves: [OverrideLeaf] = []
        try OverrideLeaf.collect(overrides, path: [], into: &leaves)
        var editor = PolicyEditor(policy: self)
        let global = leaves.filter { $0.path == ["warnAt"] }
        for leaf in global + leaves.filter({ $0.path != ["warnAt"] }) {
            try editor.apply(leaf)
        }
        var result = try editor.finish()
        let bytes = result.canonicalBytes()
        if !leaves.contains(where: { $0.path == ["version"] }) && bytes != canonicalBytes() {
            result.version = Self.derivedVersion(from: version, canonicalBytes: bytes)
        }
        return result
    }

    /// The version label of a policy derived by overrides from one labelled `base`, without a label
    /// of its own: `<base>+<hash>`, `hash` the first eight lowercase hex digits of the SHA-256 of the
    /// derived policy's ``canonicalBytes()`` while it still carries `base` (`Specs/policy.md` §3).
    /// Deterministic: the same base and overrides give the same label.
    static func derivedVersion(from base: String, canonicalBytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: canonicalBytes)
        return base + "+" + digest.prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    /// ``applying(overrides:)`` with the overrides given as a mapping of keys to values.
    public func applying(overrides: [String: PolicyValue]) throws(PolicyValidationError) -> ServicePolicy {
        try applying(overrides: .map(overrides))
    }
}
