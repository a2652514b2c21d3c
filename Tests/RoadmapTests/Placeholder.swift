import Testing
@testable import Roadmap
