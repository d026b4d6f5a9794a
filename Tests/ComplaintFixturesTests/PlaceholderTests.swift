import Testing
@testable import ComplaintFixtures
