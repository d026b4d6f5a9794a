import Foundation
import Testing
@testable import ComplaintPolicy

@Suite("Category and Money")
struct CategoryAndMoneyTests {
    @Test func defaultsAreTheSevenContractNames() {
        #expect(Category.defaults.map(\.rawValue) == [
            "serviceAttitude", "productQuality", "afterSales", "orderHandling", "logistics", "systemTech", "other",
        ])
    }

    @Test(arguments: ["warranty", "billingV2", "x"])
    func policiesMayAddWellFormedCategories(raw: String) throws {
        #expect(try Category.parse(raw).rawValue == raw)
    }

    @Test(arguments: ["", "Warranty", "has space", "über", "a-b", String(repeating: "a", count: 65)])
    func malformedCategoriesAreRefused(raw: String) {
        #expect(throws: PolicyValueError(field: "category", reason: "'\(raw)' is not a lowerCamelCase name of 1–64 ASCII letters and digits")) {
            try Category.parse(raw)
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Category].self, from: JSONEncoder().encode([raw]))
        }
    }

    @Test func moneyRefusesNegativeAmountsAndBadCurrencies() throws {
        #expect(throws: PolicyValueError.self) { try Money(amount: -1) }
        #expect(throws: PolicyValueError.self) { try Money(amount: 1, currency: "cny") }
        let money = try Money(amount: 100_005)
        #expect(money.description == "1000.05 CNY")
        let decoded = try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money))
        #expect(decoded == money)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount":-5,"currency":"CNY"}"#.utf8))
        }
    }
}
