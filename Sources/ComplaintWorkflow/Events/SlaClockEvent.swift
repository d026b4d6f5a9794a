public import ComplaintPolicy
public import Foundation

/// The data of `SlaWarningRaised` and `SlaBreached` (DOMAIN.md §4).
public struct SlaClockEvent: Hashable, Sendable, Codable {
    /// Which clock.
    public var clock: ClockName
    /// Which instance of it (1, 2, …).
    public var instance: Int
    /// The due time of the breach (for both events: when the target is used up).
    public var dueAt: Date
    /// Time used when the event happened, in whole minutes.
    public var usedMinutes: Int
    /// The policy version in force.
    public var policyVersion: String

    /// Creates the event data.
    public init(clock: ClockName, instance: Int, dueAt: Date, usedMinutes: Int, policyVersion: String) {
        self.clock = clock
        self.instance = instance
        self.dueAt = dueAt
        self.usedMinutes = usedMinutes
        self.policyVersion = policyVersion
    }
}
