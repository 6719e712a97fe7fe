import FengqiaoServices
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A webhook subscriber for tests: a Hummingbird server on a free port that checks each request's
/// `X-Fengqiao-Signature` over `X-Fengqiao-Timestamp.body` with the subscriber's secret (401 when it does
/// not match), records what came, and otherwise answers with the statuses it is told, in turn (then 200).
final class FakeSubscriber: @unchecked Sendable {
    struct Received: Sendable {
        var body: String
        var timestamp: String?
        var signatureValid: Bool
        var delivery: String?
    }

    private let lock = NSLock()
    private var _secret = ""
    private var _received: [Received] = []
    private var _statuses: [Int]
    private var task: Task<Void, any Error>?
    private var group: ServiceGroup?
    private(set) var port = 0

    init(statuses: [Int] = []) { _statuses = statuses }

    var received: [Received] { lock.withLock { _received } }
    var url: String { "http://127.0.0.1:\(port)/hooks/cases" }
    /// The secret, known once the subscription is made.
    var secret: String {
        get { lock.withLock { _secret } }
        set { lock.withLock { _secret = newValue } }
    }

    func start() async throws {
        let router = Router()
        router.on("/hooks/cases", method: .post) { request, _ -> Response in
            let body = Data(buffer: try await request.body.collect(upTo: 1 << 20))
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let timestamp = headers[WebhookSignature.timestampHeader.lowercased()]
            let signature = headers[WebhookSignature.header.lowercased()] ?? ""
            let status = self.lock.withLock {
                let valid = WebhookSignature.verify(signature, timestamp: timestamp ?? "", body: body, secret: self._secret)
                self._received.append(Received(body: String(decoding: body, as: UTF8.self), timestamp: timestamp,
                                                signatureValid: valid, delivery: headers["x-fengqiao-delivery"]))
                guard valid else { return 401 }
                return self._statuses.isEmpty ? 200 : self._statuses.removeFirst()
            }
            return Response(status: .init(code: status))
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        var logger = Logger(label: "fake-subscriber")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        self.group = group
        task = Task { try await group.run() }
        for await port in stream {
            self.port = port
            break
        }
    }

    func stop() async {
        await group?.triggerGracefulShutdown()
        _ = await task?.result
    }
}
