import Testing
@testable import CenterAPI
