import CComplaintLMDB
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open LMDB environment: one directory holding `data.mdb` and `lock.mdb`.
///
/// Transactions exist only inside ``read(_:)`` and ``write(_:)`` closures; they are never stored or
/// carried across an `await` (LMDB binds a write transaction to its thread). Within one process a
/// directory is opened once: ``open(directory:configuration:)`` hands out the already open
/// environment to read-only requests and refuses a second writer. A read-write environment holds
/// the store's exclusive writer lock, so a writer in another process gets
/// ``LMDBError/Code/wouldBlock``.
///
/// Storage faults are handled here rather than surfacing to callers where they can be:
/// a full map is grown (doubled, up to ``EnvironmentConfiguration/maximumMapSize``) and the write
/// is run again; a map grown by another process is adopted (`MDB_MAP_RESIZED`); stale reader slots
/// are cleared at open and when the reader table fills.
public final class Environment: @unchecked Sendable {
    /// The environment's directory, as given.
    public let directory: String
    /// The configuration it was opened with.
    public let configuration: EnvironmentConfiguration

    private let env: OpaquePointer
    private let transactions = ReadWriteLock()
    private let writers = ReadWriteLock()
    private let databasesByName: [String: Database]
    private let writerLock: WriterLock?
    private let registryKey: String
    private let openState = Mutex(OpenState())

    private struct OpenState {
        var references = 1
        var closed = false
        var mapGrowths = 0
    }

    // MARK: Opening and closing

    /// Opens (creating when writable) the environment in `directory`.
    ///
    /// - Throws: ``LMDBError`` with code ``LMDBError/Code/wouldBlock`` when another process, or this
    ///   one, already writes to the store; other codes as LMDB reports them.
    public static func open(directory: String, configuration: EnvironmentConfiguration) throws -> Environment {
        try EnvironmentRegistry.shared.open(directory: directory, configuration: configuration)
    }

    init(directory: String, registryKey: String, configuration: EnvironmentConfiguration) throws {
        self.directory = directory
        self.registryKey = registryKey
        self.configuration = configuration
        let readOnly = configuration.access == .readOnly
        writerLock = readOnly ? nil : try WriterLock(directory: directory)

        var pointer: OpaquePointer?
        try check(mdb_env_create(&pointer), "mdb_env_create")
        guard let pointer else { throw LMDBError(code: ENOMEM, operation: "mdb_env_create") }
        do {
            try check(mdb_env_set_maxreaders(pointer, configuration.maxReaders), "mdb_env_set_maxreaders")
            try check(mdb_env_set_maxdbs(pointer, MDB_dbi(configuration.maxDatabases)), "mdb_env_set_maxdbs")
            if !readOnly {
                try check(mdb_env_set_mapsize(pointer, configuration.mapSize), "mdb_env_set_mapsize")
            }
            var flags = UInt32(MDB_NOTLS)
            if readOnly { flags |= UInt32(MDB_RDONLY) }
            if configuration.durability == .relaxed && !readOnly { flags |= UInt32(MDB_NOSYNC) }
            try check(mdb_env_open(pointer, directory, flags, 0o600), "mdb_env_open(\(directory))")
            var dead: Int32 = 0
            mdb_reader_check(pointer, &dead)
            databasesByName = try Self.openDatabases(pointer, configuration.databases, create: !readOnly)
        } catch {
            mdb_env_close(pointer)
            throw error
        }
        env = pointer
    }

    private static func openDatabases(
        _ env: OpaquePointer, _ specs: [DatabaseSpec], create: Bool
    ) throws -> [String: Database] {
        var txn: OpaquePointer?
        var rc = mdb_txn_begin(env, nil, create ? 0 : UInt32(MDB_RDONLY), &txn)
        if rc == MDB_MAP_RESIZED {
            try check(mdb_env_set_mapsize(env, 0), "mdb_env_set_mapsize")
            rc = mdb_txn_begin(env, nil, create ? 0 : UInt32(MDB_RDONLY), &txn)
        }
        try check(rc, "mdb_txn_begin")
        var result: [String: Database] = [:]
        do {
            for spec in specs {
                var flags: UInt32 = create ? UInt32(MDB_CREATE) : 0
                if spec.integerKeys { flags |= UInt32(MDB_INTEGERKEY) }
                var dbi: MDB_dbi = 0
                try check(mdb_dbi_open(txn, spec.name, flags, &dbi), "mdb_dbi_open(\(spec.name))")
                result[spec.name] = Database(handle: dbi, name: spec.name)
            }
            // Committing (even a read-only transaction) keeps the handles open for the environment.
            try check(mdb_txn_commit(txn), "mdb_txn_commit")
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        return result
    }

    func retain() -> Bool {
        openState.withLock { state in
            guard !state.closed else { return false }
            state.references += 1
            return true
        }
    }

    /// Releases this handle. The environment closes when every `open` of it in this process has
    /// been matched by a `close`; transactions in progress finish first.
    public func close() {
        let last = EnvironmentRegistry.shared.release(self, key: registryKey)
        if last { closeNow() }
    }

    /// Decrements the reference count; returns whether this was the last reference. Called by the
    /// registry while it holds its own lock.
    func releaseReference() -> Bool {
        openState.withLock { state in
            guard !state.closed else { return false }
            state.references -= 1
            if state.references == 0 { state.closed = true; return true }
            return false
        }
    }

    private func closeNow() {
        transactions.withExclusive { mdb_env_close(env) }
        writerLock?.release()
    }

    deinit {
        let closed = openState.withLock { $0.closed }
        if !closed { mdb_env_close(env) }
    }

    /// Whether ``close()`` has released the last reference.
    public var isClosed: Bool { openState.withLock { $0.closed } }

    // MARK: Databases

    /// The named database declared in the configuration.
    public func database(_ name: String) -> Database {
        guard let database = databasesByName[name] else {
            preconditionFailure("database \(name) was not declared when \(directory) was opened")
        }
        return database
    }

    // MARK: Transactions

    /// Runs `body` in a read transaction over a consistent snapshot.
    ///
    /// Adopts a map grown by another process (`MDB_MAP_RESIZED`) and clears stale reader slots once
    /// when the reader table is full.
    public func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        var clearedReaders = false
        while true {
            let attempt: Result<R, LMDBError>? = try transactions.withShared {
                try ensureOpen()
                var txn: OpaquePointer?
                let rc = mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn)
                if rc == MDB_MAP_RESIZED { return .failure(LMDBError(code: rc, operation: "mdb_txn_begin")) }
                if rc == MDB_READERS_FULL && !clearedReaders {
                    return .failure(LMDBError(code: rc, operation: "mdb_txn_begin"))
                }
                try check(rc, "mdb_txn_begin(read)")
                defer { mdb_txn_abort(txn) }
                return .success(try body(ReadTransaction(txn: txn!)))
            }
            switch attempt {
            case .success(let value)?: return value
            case .failure(let error)? where error.code == .mapResized: try adoptMapSize()
            case .failure(let error)? where error.code == .readersFull:
                clearedReaders = true
                clearStaleReaders()
            case .failure(let error)?: throw error
            case nil: continue
            }
        }
    }

    /// Runs `body` in the write transaction: commits when it returns, aborts when it throws.
    ///
    /// Writes are serialised within the process. When the map fills (during `body` or at commit)
    /// the transaction is aborted, the map doubled, and `body` runs again from the start; so `body`
    /// must compute what it writes from what it reads and from its inputs, and keep no side effects
    /// of an aborted attempt. Throws `MDB_MAP_FULL` only when ``EnvironmentConfiguration/maximumMapSize``
    /// is reached.
    public func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        guard configuration.access == .readWrite else {
            throw LMDBError(code: EACCES, operation: "write on read-only environment \(directory)")
        }
        return try writers.withExclusive {
            while true {
                let state = WriteState()
                let outcome: Result<R, any Error> = transactions.withShared {
                    do {
                        try ensureOpen()
                        var txn: OpaquePointer?
                        try check(mdb_txn_begin(env, nil, 0, &txn), "mdb_txn_begin(write)")
                        let value: R
                        do {
                            value = try body(WriteTransaction(txn: txn!, state: state))
                        } catch {
                            mdb_txn_abort(txn)
                            throw error
                        }
                        let rc = mdb_txn_commit(txn)
                        if rc != MDB_SUCCESS {
                            throw state.record(LMDBError(code: rc, operation: "mdb_txn_commit"))
                        }
                        return .success(value)
                    } catch {
                        return .failure(error)
                    }
                }
                switch outcome {
                case .success(let value): return value
                case .failure(let error):
                    if state.mapFull || (error as? LMDBError)?.code == .mapFull {
                        try growMap()
                        continue
                    }
                    if (error as? LMDBError)?.code == .mapResized {
                        try adoptMapSize()
                        continue
                    }
                    throw error
                }
            }
        }
    }

    /// Flushes committed data to disk; with `force` even under ``Durability/relaxed``.
    public func sync(force: Bool = true) throws {
        try transactions.withShared {
            try ensureOpen()
            try check(mdb_env_sync(env, force ? 1 : 0), "mdb_env_sync")
        }
    }

    // MARK: Map size and readers

    /// The current map size in bytes.
    public var mapSize: Int {
        transactions.withShared {
            var info = MDB_envinfo()
            mdb_env_info(env, &info)
            return info.me_mapsize
        }
    }

    /// How many times this environment has grown its map since it opened.
    public var mapGrowthCount: Int { openState.withLock { $0.mapGrowths } }

    /// The environment flags LMDB reports (`MDB_NOSYNC`, `MDB_RDONLY`, …).
    public var flags: UInt32 {
        var flags: UInt32 = 0
        mdb_env_get_flags(env, &flags)
        return flags
    }

    /// Clears reader slots left by dead processes; returns how many were cleared.
    @discardableResult
    public func clearStaleReaders() -> Int {
        var dead: Int32 = 0
        transactions.withShared { _ = mdb_reader_check(env, &dead) }
        return Int(dead)
    }

    private func growMap() throws {
        try transactions.withExclusive {
            var info = MDB_envinfo()
            mdb_env_info(env, &info)
            let current = info.me_mapsize
            guard current < configuration.maximumMapSize else {
                throw LMDBError(code: MDB_MAP_FULL, operation: "map at its maximum of \(configuration.maximumMapSize) bytes")
            }
            let grown = min(max(current * 2, current + (1 << 20)), configuration.maximumMapSize)
            try check(mdb_env_set_mapsize(env, grown), "mdb_env_set_mapsize(\(grown))")
            openState.withLock { $0.mapGrowths += 1 }
        }
    }

    private func adoptMapSize() throws {
        try transactions.withExclusive {
            try check(mdb_env_set_mapsize(env, 0), "mdb_env_set_mapsize(0)")
        }
    }

    private func ensureOpen() throws {
        if openState.withLock({ $0.closed }) {
            throw LMDBError(code: EBADF, operation: "use of closed environment \(directory)")
        }
    }
}
