import Testing
@testable import CenterService
