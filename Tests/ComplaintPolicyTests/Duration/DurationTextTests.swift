import Testing
@testable import ComplaintPolicy
import SeededRandom

@Suite("Duration text")
struct DurationTextTests {
    @Test(arguments: [
        ("90m", Int64(5400)), ("3h", 10_800), ("2d", 172_800), ("45s", 45), ("1h30m", 5400),
        ("1d2h3m4s", 93_784), ("0s", 0), ("PT3H", 10_800), ("P2D", 172_800), ("PT1H30M", 5400),
        ("P1DT12H", 129_600), ("PT45S", 45), ("P1W", 604_800), ("PT90M", 5400),
    ])
    func parsesCompactAndISOForms(text: String, seconds: Int64) throws {
        #expect(try DurationText.parse(text) == seconds)
    }

    @Test(arguments: [
        "", "3", "h", "3x", "30m1h", "1h1h", "P", "PT", "P3H", "PT2D", "3H", "1.5h", "-3h", "P1DT",
        "99999999999999999999s", "9999999999999999d", " 3h",
    ])
    func refusesMalformedText(text: String) {
        #expect(throws: PolicyValueError.self) { try DurationText.parse(text) }
        do {
            _ = try DurationText.parse(text)
        } catch {
            #expect(error.field == "duration")
            #expect(error.reason.hasPrefix("'\(text)'"))
        }
    }

    @Test(arguments: [("2d", true), ("48h", false), ("P2D", true), ("PT48H", false), ("1d1h", true), ("P1W", true)])
    func detectsDays(text: String, usesDays: Bool) throws {
        #expect(try DurationText.usesDays(text) == usesDays)
    }

    @Test func formatReadsBackForManyValues() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let seconds = Int64.random(in: 0...10_000_000, using: &generator)
            let text = DurationText.format(seconds)
            #expect(!text.contains("d"))
            #expect(try DurationText.parse(text) == seconds)
        }
        #expect(DurationText.format(64_800) == "18h")
        #expect(DurationText.format(5400) == "1h30m")
    }
}
