import FengqiaoDomain
import FengqiaoServices
import Foundation
import Hummingbird

/// The one place where errors become HTTP answers: status, stable code, Chinese title and detail.
enum ErrorMapping {
    struct Mapped {
        var status: HTTPResponse.Status
        var code: String
        var title: String
        var detail: String
        var fields: [FieldError]? = nil
        var headers: HTTPFields = [:]
    }

    static func map(_ error: any Error) -> Mapped {
        switch error {
        case let error as DomainError:
            return map(error)
        case let error as RateLimited:
            return Mapped(status: .tooManyRequests, code: "rate_limited", title: "提交过于频繁", detail: error.message,
                          headers: [.retryAfter: String(error.retryAfterSeconds)])
        case let error as LookupLimited:
            return Mapped(status: .tooManyRequests, code: "rate_limited", title: "查询过于频繁", detail: error.message,
                          headers: [.retryAfter: String(error.retryAfterSeconds)])
        case is PrintingError:
            return Mapped(status: .serviceUnavailable, code: "printer_unavailable", title: "文书暂时无法生成",
                          detail: "服务器暂时无法生成 PDF 文书,请稍后再试;如反复出现,请联系系统管理员检查 chromium 的安装。")
        case is CSRFError:
            return Mapped(status: .forbidden, code: "csrf_failed", title: "页面已过期",
                          detail: "页面已过期或来源不明,请刷新页面后重新提交。")
        case let error as DecodingError:
            return Mapped(status: .badRequest, code: "malformed_body", title: "请求格式错误", detail: describe(error),
                          fields: field(of: error).map { [$0] })
        case let error as HTTPError:
            var mapped = map(status: error.status)
            if let body = error.body { mapped.detail = body }
            mapped.headers = error.headers
            return mapped
        case let error as any HTTPResponseError:
            return map(status: error.status)
        default:
            return Mapped(status: .internalServerError, code: "internal_error", title: "服务器内部错误",
                          detail: "服务器处理请求时出错,请稍后再试;如反复出现,请把请求编号告知管理员。")
        }
    }

    static func map(_ error: DomainError) -> Mapped {
        switch error {
        case .validation(let fields):
            Mapped(status: .unprocessableContent, code: error.code, title: "提交的内容需要修改", detail: error.message, fields: fields)
        case .notFound:
            Mapped(status: .notFound, code: error.code, title: "未找到", detail: error.message)
        case .conflict:
            Mapped(status: .conflict, code: error.code, title: "无法办理", detail: error.message)
        case .unauthenticated:
            Mapped(status: .unauthorized, code: error.code, title: "需要登录", detail: error.message)
        case .forbidden:
            Mapped(status: .forbidden, code: error.code, title: "无权访问", detail: error.message)
        case .tooManyAttempts(let seconds):
            Mapped(status: .tooManyRequests, code: error.code, title: "尝试次数过多", detail: error.message,
                   headers: [.retryAfter: String(seconds)])
        }
    }

    static func map(status: HTTPResponse.Status) -> Mapped {
        switch status {
        case .notFound:
            Mapped(status: status, code: "not_found", title: "页面不存在", detail: "您访问的地址不存在,请检查链接是否正确。")
        case .methodNotAllowed:
            Mapped(status: status, code: "method_not_allowed", title: "请求方法不被允许", detail: "该地址不支持此请求方法。")
        case .contentTooLarge:
            Mapped(status: status, code: "payload_too_large", title: "提交的内容过大",
                   detail: "请求内容超过 \(AppRequestContext.maxBodyBytes / 1024) KB 的上限。")
        case .unsupportedMediaType:
            Mapped(status: status, code: "unsupported_media_type", title: "不支持的内容类型", detail: "请以 application/json 提交。")
        case .badRequest:
            Mapped(status: status, code: "bad_request", title: "请求格式错误", detail: "请求无法解析。")
        default:
            Mapped(status: status, code: "http_\(status.code)", title: status.reasonPhrase, detail: status.reasonPhrase)
        }
    }

    /// The field a decoding error is about, as a dotted path (`contact.phone`, `items[2].name`).
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return result
    }

    static func field(of error: DecodingError) -> FieldError? {
        switch error {
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            let name = path(ctx.codingPath)
            return name.isEmpty ? nil : FieldError(field: name, code: "wrong_type", message: "字段 \(name) 的类型不正确")
        case .keyNotFound(let key, let ctx):
            let name = path(ctx.codingPath + [key])
            return FieldError(field: name, code: "required", message: "缺少字段 \(name)")
        case .dataCorrupted(let ctx):
            let name = path(ctx.codingPath)
            return name.isEmpty ? nil : FieldError(field: name, code: "invalid_format", message: "字段 \(name) 的值无效")
        @unknown default:
            return nil
        }
    }

    static func describe(_ error: DecodingError) -> String {
        if let field = field(of: error) { return field.message }
        return "请求体不是有效的 JSON。"
    }
}
