/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast, deterministic 64-bit generator.
///
/// The same seed gives the same numbers on every machine and Swift version, unlike the system
/// generator, so the demo's month, the standard workload's texts and the randomised tests repeat
/// exactly from their seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; each number advances it.
    public var state: UInt64

    /// A generator whose state starts at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
