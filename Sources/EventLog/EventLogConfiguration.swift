public import ComplaintLMDB

extension EventLog {
    /// How to open an ``EventLog``.
    public struct Configuration: Sendable {
        /// Whether commits are flushed before callers are answered (default `Durability/durable`).
        public var durability: Durability
        /// Read-write (one writer process per store) or read-only.
        public var access: EnvironmentConfiguration.Access
        /// The initial map size; the map grows on demand.
        public var mapSize: Int
        /// The map's ceiling; appends beyond it fail with ``EventLogError/Code/storageFull``.
        public var maximumMapSize: Int
        /// Under `Durability/relaxed`, how long committed data may wait for a flush.
        public var relaxedSyncInterval: Duration
        /// Most append requests committed together in one transaction.
        public var maxBatchRequests: Int
        /// The clock that stamps ``RecordedEvent/recordedAt``.
        public var clock: any TimeSource
        /// Called inside every write transaction with the events it records.
        public var observer: (any CommitObserver)?
        /// Extra named databases to open in the same environment.
        public var extraDatabases: [DatabaseSpec]
        /// Views kept in step with the log inside its commits (see ``Projection``).
        public var projections: [any Projection]
        /// Events per transaction when projections catch up or rebuild.
        public var projectionChunkSize: Int
        /// Called as projections catch up when the log opens.
        public var projectionProgress: (@Sendable (ProjectionProgress) -> Void)?

        /// The defaults: durable, read-write, 64 MiB initial map up to 1 TiB, 1 s relaxed flush,
        /// batches of up to 1,024 requests, the system clock.
        public init(
            durability: Durability = .durable,
            access: EnvironmentConfiguration.Access = .readWrite,
            mapSize: Int = 64 << 20,
            maximumMapSize: Int = 1 << 40,
            relaxedSyncInterval: Duration = .seconds(1),
            maxBatchRequests: Int = 1024,
            clock: any TimeSource = SystemTimeSource(),
            observer: (any CommitObserver)? = nil,
            extraDatabases: [DatabaseSpec] = [],
            projections: [any Projection] = [],
            projectionChunkSize: Int = 10_000,
            projectionProgress: (@Sendable (ProjectionProgress) -> Void)? = nil
        ) {
            self.durability = durability
            self.access = access
            self.mapSize = mapSize
            self.maximumMapSize = maximumMapSize
            self.relaxedSyncInterval = relaxedSyncInterval
            self.maxBatchRequests = maxBatchRequests
            self.clock = clock
            self.observer = observer
            self.extraDatabases = extraDatabases
            self.projections = projections
            self.projectionChunkSize = projectionChunkSize
            self.projectionProgress = projectionProgress
        }

        /// Read-only access with the defaults, for other processes reading a store.
        public static var readOnly: Configuration { Configuration(access: .readOnly) }
    }

    /// Counters of the writer's work since the log opened.
    public struct Statistics: Sendable, Hashable {
        /// Write transactions committed.
        public var commits = 0
        /// Append requests answered (recorded, duplicate or refused).
        public var requests = 0
        /// Events recorded.
        public var events = 0
        /// Flushes issued under `Durability/relaxed`.
        public var relaxedSyncs = 0
        /// The most requests committed in one transaction.
        public var largestBatch = 0
        /// Requests waiting for the writer right now.
        public var queued = 0
    }
}
