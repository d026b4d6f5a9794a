import Testing
@testable import ComplaintPolicy

@Suite("Roles")
struct RoleTests {
    static let handling: [Role] = [.agent, .specialist, .supervisor, .manager, .executive]

    @Test func handlingRanksAreOneToFive() {
        #expect(Self.handling.map(\.handlingRank) == [1, 2, 3, 4, 5])
        for role in Role.allCases where !Self.handling.contains(role) {
            #expect(role.handlingRank == nil, "\(role)")
        }
    }

    @Test(arguments: Role.allCases, Role.allCases)
    func isAtLeastMeansHandlingRankAtOrAbove(role: Role, floor: Role) {
        let expected: Bool
        if let a = Self.handling.firstIndex(of: role), let b = Self.handling.firstIndex(of: floor) {
            expected = a >= b
        } else {
            expected = false
        }
        #expect(role.isAtLeast(floor) == expected)
    }
}
