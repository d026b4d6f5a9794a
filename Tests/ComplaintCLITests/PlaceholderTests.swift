import Testing
@testable import ComplaintCLI
