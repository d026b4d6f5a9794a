import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Anonymous resident memory (`RssAnon`, kB in `/proc/self/status`): the heap and stacks, not the
/// memory-mapped data file. `nil` where `/proc` is missing.
public enum AnonymousMemory {
    public static func currentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("RssAnon:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}

/// CPU time the whole process has used (user + system, all threads), from `getrusage`.
/// Unlike wall time it barely moves when other processes take the cores, so "CPU per event" is
/// the steadier figure for CPU-bound paths on a shared machine.
public enum ProcessCPU {
    public static func seconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
}

/// Order statistics over samples.
public enum Stats {
    public static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    /// Nearest-rank percentile (`p` in 0...100).
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank - 1, 0), sorted.count - 1)]
    }
}

extension Duration {
    /// Seconds as a `Double`.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
