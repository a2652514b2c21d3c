// swift-tools-version:6.0
// The Nakano Ward Industry Promotion Center service. No package dependencies:
// the Swift toolchain and the system SQLite (libsqlite3-dev) only.
import PackageDescription

let package = Package(
    name: "nakano-center",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nakano-center", targets: ["nakano-center"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .target(name: "HTTPServer", dependencies: ["CLinux"]),
        .target(name: "Store", dependencies: ["CSQLite"]),
        .target(name: "JSON"),
        .target(name: "HTML"),
        .target(name: "CalendarValues"),
        .target(name: "Operations", dependencies: ["CLinux"]),
        .target(name: "CenterDomain", dependencies: ["CalendarValues"]),
        .target(name: "Roadmap", dependencies: ["CalendarValues"]),
        .target(name: "CenterService", dependencies: ["CalendarValues", "CenterDomain", "JSON", "Roadmap", "Store"]),
        .target(name: "CenterAPI", dependencies: ["CalendarValues", "CenterDomain", "CenterService", "HTML", "HTTPServer", "JSON", "Roadmap"]),
        .target(name: "CenterWeb", dependencies: [
            "CalendarValues", "CenterAPI", "CenterDomain", "CenterService", "HTML", "HTTPServer", "Roadmap",
        ]),
        .executableTarget(name: "nakano-center", dependencies: [
            "CalendarValues", "CenterAPI", "CenterDomain", "CenterService", "CenterWeb", "HTTPServer", "JSON", "Operations",
        ]),
        .target(name: "TestEvents", path: "Tests/TestEvents"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestEvents"]),
        .testTarget(name: "StoreTests", dependencies: ["CSQLite", "Store", "TestEvents"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML"]),
        .testTarget(name: "CalendarValuesTests", dependencies: ["CalendarValues", "TestEvents"]),
        .testTarget(name: "CenterDomainTests", dependencies: ["CalendarValues", "CenterDomain", "TestEvents"]),
        .testTarget(name: "RoadmapTests", dependencies: ["CalendarValues", "Roadmap"]),
        .target(name: "ServiceTestSupport", dependencies: ["CenterDomain", "CenterService", "TestEvents"], path: "Tests/ServiceTestSupport"),
        .testTarget(name: "CenterServiceTests", dependencies: [
            "CalendarValues", "CenterDomain", "CenterService", "JSON", "ServiceTestSupport", "Store", "TestEvents",
        ]),
        .testTarget(name: "CenterAPITests", dependencies: [
            "CalendarValues", "CenterAPI", "CenterDomain", "CenterService", "HTTPServer", "JSON", "Roadmap", "ServiceTestSupport",
            "TestEvents",
        ]),
        .testTarget(name: "CenterWebTests", dependencies: [
            "CalendarValues", "CenterAPI", "CenterDomain", "CenterService", "CenterWeb", "HTML", "HTTPServer", "Roadmap",
            "ServiceTestSupport", "TestEvents",
        ]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "TestEvents"]),
        .target(name: "Simulation", dependencies: ["CalendarValues", "CenterDomain", "CenterService", "CSQLite", "JSON", "Roadmap"],
                path: "Tests/Simulation"),
        .testTarget(name: "SimulationTests", dependencies: [
            "CalendarValues", "CenterDomain", "CenterService", "JSON", "Simulation",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
