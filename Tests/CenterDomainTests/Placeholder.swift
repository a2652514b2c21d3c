import Testing
@testable import CenterDomain
