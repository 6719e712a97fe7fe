import FengqiaoServices
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the HTTP adapters (SMS gateway, webhook) share: a session that keeps no cookies or cache, and
/// one request whose failure becomes a `NotificationDeliveryError` naming `service` and the status,
/// never the URL, headers or answer (they may hold keys).
struct HTTPDelivery: Sendable {
    /// How the endpoint is called in errors (短信网关, 回传接口).
    let service: String
    let session: URLSession

    init(service: String, timeout: TimeInterval) {
        self.service = service
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// Sends `request`; returns the body and status of a 2xx answer, else throws.
    func send(_ request: URLRequest) async throws -> (data: Data, status: Int) {
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError {
            throw NotificationDeliveryError("无法连接\(service)(\(Self.reason(error)))")
        } catch {
            throw NotificationDeliveryError("无法连接\(service)")
        }
        guard let http = response as? HTTPURLResponse else { throw NotificationDeliveryError("\(service)的应答无效") }
        guard (200..<300).contains(http.statusCode) else {
            throw NotificationDeliveryError("\(service)返回 HTTP \(http.statusCode)")
        }
        return (data, http.statusCode)
    }

    static func reason(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: "超时"
        case .cannotConnectToHost: "连接被拒绝"
        case .cannotFindHost, .dnsLookupFailed: "找不到主机"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate: "TLS 握手失败"
        case .networkConnectionLost: "连接中断"
        default: "错误 \(error.code.rawValue)"
        }
    }
}
