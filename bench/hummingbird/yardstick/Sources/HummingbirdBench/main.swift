import Foundation
import Hummingbird

/// `HummingbirdBench PORT FACILITIES_FILE`: serves on 127.0.0.1:PORT
/// - `GET /health`: the service's healthy body, `{"database":"ok","status":"ok"}`
///   (without the service's database round trip);
/// - `GET /facilities`: the bytes of FACILITIES_FILE, which bench/compare-http.sh
///   fetched from the service's own `/facilities`, so both send the same JSON.
/// Both as application/json, from bytes prepared at start, on Hummingbird's
/// default event loop group (one loop per core).
let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[1]),
      let facilities = FileManager.default.contents(atPath: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: HummingbirdBench PORT FACILITIES_FILE\n".utf8))
    exit(2)
}

let health = ByteBuffer(string: #"{"database":"ok","status":"ok"}"#)
let catalogue = ByteBuffer(bytes: facilities)
let json: HTTPFields = [.contentType: "application/json"]

let router = Router()
router.get("/health") { _, _ in
    Response(status: .ok, headers: json, body: ResponseBody(byteBuffer: health))
}
router.get("/facilities") { _, _ in
    Response(status: .ok, headers: json, body: ResponseBody(byteBuffer: catalogue))
}

let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
