public import ComplaintLMDB
public import ComplaintPolicy
public import ComplaintPrivacy
public import ComplaintWorkflow
public import EventLog

/// How to open a ``ComplaintEngine``.
public struct EngineConfiguration: Sendable {
    /// The service policy for new decisions. Logged (`PolicyActivated`) when it differs from the last
    /// one logged.
    public var policy: ServicePolicy
    /// Where time comes from: ``ManualClock`` in tests and fixtures, the system clock in production.
    public var clock: any TimeSource
    /// Durability of commits (default `Durability/durable`).
    public var durability: Durability
    /// The key that wraps customer keys; `nil` keeps one in `master.key` inside the store directory.
    public var masterKey: MasterKey?
    /// How many complaint states to keep in memory.
    public var stateCacheSize: Int
    /// Read-write (the one writing process of a store) or read-only (queries, audits and `verify`
    /// from other processes; never fires timers, never writes).
    public var access: EnvironmentConfiguration.Access
    /// Whether the engine fires SLA timers by itself (a background timer scheduler) while open.
    /// Default: on for any clock but a ``ManualClock``, which moves by
    /// ``ComplaintEngine/advance(to:)`` instead.
    public var firesTimersAutomatically: Bool {
        get { timerFiring ?? !(clock is ManualClock) }
        set { timerFiring = newValue }
    }
    private var timerFiring: Bool?
    /// Deliberate workflow defects, **for testing only** (the scenario fixtures' fault tests): leave
    /// it empty. Empty is the production behaviour.
    public var faults: WorkflowFaults = []

    /// A configuration with the given policy and clock.
    public init(
        policy: ServicePolicy = .standard, clock: any TimeSource = SystemTimeSource(), durability: Durability = .durable,
        masterKey: MasterKey? = nil, stateCacheSize: Int = 10_000, access: EnvironmentConfiguration.Access = .readWrite
    ) {
        self.access = access
        self.policy = policy
        self.clock = clock
        self.durability = durability
        self.masterKey = masterKey
        self.stateCacheSize = stateCacheSize
    }
}
