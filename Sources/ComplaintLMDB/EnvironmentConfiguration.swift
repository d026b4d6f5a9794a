/// How to open an ``Environment``.
public struct EnvironmentConfiguration: Sendable, Hashable {
    /// Whether the environment may be written.
    public enum Access: String, Sendable, Hashable {
        /// Writes allowed; the process takes the store's exclusive writer lock.
        case readWrite
        /// Reads only (`MDB_RDONLY`), for other processes reading a store a writer holds.
        case readOnly
    }

    /// The initial map size in bytes: address space reserved, not disk used. Grows on demand.
    public var mapSize: Int
    /// The map never grows beyond this; a write that needs more fails with `MDB_MAP_FULL`.
    public var maximumMapSize: Int
    /// Reader slots (`mdb_env_set_maxreaders`).
    public var maxReaders: UInt32
    /// Named databases (`mdb_env_set_maxdbs`).
    public var maxDatabases: UInt32
    /// Whether each commit is flushed (``Durability``).
    public var durability: Durability
    /// Read-write or read-only.
    public var access: Access
    /// Named databases to open (and, read-write, create) at open time.
    public var databases: [DatabaseSpec]

    /// A configuration with the given databases and defaults suited to an event log: 64 MiB initial
    /// map, 1 TiB maximum, 510 readers, 64 named databases, durable, read-write.
    public init(
        databases: [DatabaseSpec],
        mapSize: Int = 64 << 20,
        maximumMapSize: Int = 1 << 40,
        maxReaders: UInt32 = 510,
        maxDatabases: UInt32 = 64,
        durability: Durability = .durable,
        access: Access = .readWrite
    ) {
        self.databases = databases
        self.mapSize = mapSize
        self.maximumMapSize = maximumMapSize
        self.maxReaders = maxReaders
        self.maxDatabases = maxDatabases
        self.durability = durability
        self.access = access
    }
}
