import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive, advisory lock a writing process holds on a store (`flock` on `writer.lock` in
/// the environment's directory) for as long as its environment is open.
///
/// LMDB serialises write transactions itself, but a second process writing the same log would
/// interleave commands with ours; this lock makes that a clear, immediate error instead. The kernel
/// drops the lock when the process dies, so a crash never leaves a store locked.
final class WriterLock: Sendable {
    private let descriptor: Mutex<Int32?>
    /// The lock file's path.
    let path: String

    /// Takes the lock without waiting; throws ``LMDBError/Code/wouldBlock`` when another holder has it.
    init(directory: String) throws(LMDBError) {
        path = directory + "/writer.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LMDBError(code: errno, operation: "open(\(path))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            throw LMDBError(code: code == EWOULDBLOCK ? EAGAIN : code, operation: "flock(\(path))")
        }
        descriptor = Mutex(fd)
    }

    /// Gives the lock up; later calls do nothing.
    func release() {
        descriptor.withLock { fd in
            guard let open = fd else { return }
            flock(open, LOCK_UN)
            close(open)
            fd = nil
        }
    }

    deinit { release() }
}
