import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import NIOCore

/// A local SMS gateway for tests: a Hummingbird server on a free port that records each request and
/// answers with the statuses it is told, in turn (then 200).
final class FakeSMSGateway: @unchecked Sendable {
    struct Received: Sendable {
        var method: String
        var uri: String
        var headers: [String: String]
        var body: String
    }

    private let lock = NSLock()
    private var _received: [Received] = []
    private var _statuses: [Int]
    private var task: Task<Void, any Error>?
    private var group: ServiceGroup?
    private(set) var port = 0

    init(statuses: [Int]) { _statuses = statuses }

    var received: [Received] { lock.withLock { _received } }

    func start() async throws {
        let router = Router()
        router.on("/send", method: .post) { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let status = self.lock.withLock {
                self._received.append(Received(method: request.method.rawValue, uri: request.uri.description,
                                               headers: headers, body: String(buffer: body)))
                return self._statuses.isEmpty ? 200 : self._statuses.removeFirst()
            }
            return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: #"{"code":"0"}"#)))
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        var logger = Logger(label: "fake-sms-gateway")
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
