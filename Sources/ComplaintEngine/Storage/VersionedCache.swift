import ComplaintWorkflow
import Synchronization

/// A bounded in-memory cache of per-stream values (complaint states), each tagged with the stream version it is the
/// state *after* (``EngineConfiguration/stateCacheSize`` entries at most).
///
/// A state at a given version is a pure function of the log up to that version, so a hit whose
/// version is the one the reader needs is exactly what decoding the stored state would give; any
/// other version is a miss. The projections fill it as they write (inside the commit's
/// transaction); a transaction that does not commit could leave a state for a version the log never
/// reached, so the engine clears the cache whenever an append fails for any reason but a version
/// conflict (``removeAll()``).
///
/// Eviction is two-generational: new entries go to the young table; when it holds half the
/// capacity it becomes the old table (the previous old one is dropped). A hit in the old table
/// moves the entry back to the young one. Lookups and inserts are O(1); memory stays bounded.
final class VersionedCache<Value: Sendable>: Sendable {
    struct Entry {
        var version: UInt64
        var value: Value
    }

    private struct Tables {
        var young: [String: Entry] = [:]
        var old: [String: Entry] = [:]
    }

    private let half: Int
    private let tables = Mutex(Tables())

    /// A cache of at most `capacity` states (0 turns it off).
    init(capacity: Int) {
        half = max(0, capacity / 2)
    }

    var isEnabled: Bool { half > 0 }

    /// The stream's state after `version`, when cached at exactly that version.
    func value(_ stream: String, at version: UInt64) -> Value? {
        guard half > 0 else { return nil }
        return tables.withLock { tables in
            if let entry = tables.young[stream] { return entry.version == version ? entry.value : nil }
            guard let entry = tables.old.removeValue(forKey: stream) else { return nil }
            Self.insert(&tables, stream, entry, half: half)
            return entry.version == version ? entry.value : nil
        }
    }

    /// The cached entry of a stream, whatever its version.
    func entry(_ stream: String) -> Entry? {
        guard half > 0 else { return nil }
        return tables.withLock { $0.young[stream] ?? $0.old[stream] }
    }

    /// Remembers the stream's state after `version` (an older version never replaces a newer one).
    func store(_ stream: String, version: UInt64, value: Value) {
        guard half > 0 else { return }
        tables.withLock { tables in
            if let existing = tables.young[stream] ?? tables.old[stream], existing.version > version { return }
            tables.old[stream] = nil
            Self.insert(&tables, stream, Entry(version: version, value: value), half: half)
        }
    }

    private static func insert(_ tables: inout Tables, _ stream: String, _ entry: Entry, half: Int) {
        if tables.young[stream] == nil, tables.young.count >= half {
            tables.old = tables.young
            tables.young = Dictionary(minimumCapacity: half)
        }
        tables.young[stream] = entry
    }

    /// Forgets everything (after a failed commit).
    func removeAll() {
        tables.withLock { $0 = Tables() }
    }
}

/// The engine's caches of derived per-complaint values, shared by the engine and its projections.
final class EngineCaches: Sendable {
    /// Each complaint's state after a stream version, as the `complaints` projection stores it.
    let states: VersionedCache<ComplaintState>
    /// Each complaint's state and KPI facts after a stream version, as the `kpi` projection stores them.
    let kpi: VersionedCache<KPIProjection.Folded>

    init(capacity: Int) {
        states = VersionedCache(capacity: capacity)
        kpi = VersionedCache(capacity: capacity)
    }

    /// Forgets everything: a transaction that applied projections did not commit.
    func removeAll() {
        states.removeAll()
        kpi.removeAll()
    }
}
