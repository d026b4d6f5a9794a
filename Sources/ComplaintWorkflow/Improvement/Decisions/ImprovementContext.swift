public import ComplaintPolicy
public import Foundation

/// The figures the engine measured for one objective: its KPI over the baseline window and over
/// the result window (cohort rule of DOMAIN.md §6, with the objective's filter). `nil`: no data.
public struct ObjectiveFigures: Hashable, Sendable {
    /// The KPI over the objective's `baseline` window.
    public var baseline: Double?
    /// The KPI over the result window.
    public var result: Double?

    /// Creates figures.
    public init(baseline: Double?, result: Double?) {
        self.baseline = baseline
        self.result = result
    }
}

/// The measured figures of every objective of a cycle, by objective id, for EvaluateEffect. A
/// missing objective counts as two null figures; a non-finite figure counts as null.
public struct ImprovementMeasurements: Hashable, Sendable {
    /// Figures by objective id.
    public var figures: [String: ObjectiveFigures]

    /// Creates measurements.
    public init(_ figures: [String: ObjectiveFigures] = [:]) { self.figures = figures }

    /// The figures of `objectiveId` (null when missing or not finite).
    public subscript(objectiveId: String) -> ObjectiveFigures {
        let found = figures[objectiveId] ?? ObjectiveFigures(baseline: nil, result: nil)
        return ObjectiveFigures(baseline: found.baseline.flatMap(Self.finite), result: found.result.flatMap(Self.finite))
    }

    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}

/// Everything ``decideImprovement(_:_:_:)`` may know besides the cycle's state. Nothing here is
/// read from a clock or a disk.
public struct ImprovementContext: Sendable {
    /// The command's time (the engine's clock, injected).
    public var now: Date
    /// The policy in force.
    public var policy: ServicePolicy
    /// The kind of the command's stream; `nil` when the stream does not exist.
    public var streamKind: StreamKind?
    /// The stream's version (0 when it does not exist).
    public var streamVersion: Int
    /// EvaluateEffect: the figures measured over the baseline windows and the result window
    /// (``ImprovementState/resultWindow(for:now:)``).
    public var measurements: ImprovementMeasurements
    /// EvaluateEffect: whether a stream named `nextCycleId` exists (of any kind).
    public var nextCycleExists: Bool

    /// Creates a context.
    public init(
        now: Date, policy: ServicePolicy, streamKind: StreamKind? = nil, streamVersion: Int = 0,
        measurements: ImprovementMeasurements = ImprovementMeasurements(), nextCycleExists: Bool = false
    ) {
        self.now = now
        self.policy = policy
        self.streamKind = streamKind
        self.streamVersion = streamVersion
        self.measurements = measurements
        self.nextCycleExists = nextCycleExists
    }
}

/// What ``decideImprovement(_:_:_:)`` decided: the events of the command's own stream, and the
/// events of other streams the engine must append in the same commit.
///
/// `otherStreams` is non-empty only for an EvaluateEffect with verdict `partial` or `ineffective`:
/// it holds one new improvement stream (`nextCycleId`, kind ``StreamKind/improvement``) with its
/// ImprovementOpened. The engine appends it as a new stream (expected version 0) atomically with
/// the command's events, under the same command id; if the stream appeared meanwhile the whole
/// commit fails and the engine decides again (the context then says `nextCycleExists`).
public struct ImprovementDecision: Hashable, Sendable {
    /// The events of the command's stream, in order.
    public var events: [DecidedEvent]
    /// Events of other (new, improvement) streams, by stream id.
    public var otherStreams: [String: [DecidedEvent]]

    /// Creates a decision.
    public init(events: [DecidedEvent], otherStreams: [String: [DecidedEvent]] = [:]) {
        self.events = events
        self.otherStreams = otherStreams
    }

    /// The kind of every stream in `otherStreams`.
    public static let otherStreamKind = StreamKind.improvement
}
