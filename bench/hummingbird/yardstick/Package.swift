// swift-tools-version:6.0
// A minimal Hummingbird 2 server for bench/compare-http.sh: the yardstick the
// service's own HTTP server is measured against. Bench only: the shipped
// service depends on no Swift package.
import PackageDescription

let package = Package(
    name: "hummingbird-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdBench",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
