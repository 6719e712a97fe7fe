import FengqiaoServices
import Hummingbird

/// `/healthz` (the process answers), `/readyz` (the database answers), `/metrics` (Prometheus).
struct HealthRoutes {
    let platform: Platform
    let metrics: PrometheusMetrics

    func add(to routes: inout RouteTable) {
        routes.get("/healthz") { _, _ in .text("ok\n") }
        routes.get("/readyz") { _, context in
            do {
                try await DatabaseHealth(platform: platform).check()
                return .text("ready\n")
            } catch {
                context.logger.warning("readiness check failed", metadata: ["error": "\(error)"])
                return .text("database unavailable\n", status: .serviceUnavailable)
            }
        }
        routes.get("/metrics") { _, _ in
            let text = await metrics.render(health: DatabaseHealth(platform: platform))
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
    }
}

extension Response {
    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
