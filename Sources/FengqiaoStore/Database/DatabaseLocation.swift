import Foundation

/// Where the data lives, parsed from `FENGQIAO_DATABASE_URL`:
/// `sqlite://PATH` (`sqlite://./data/x.sqlite` relative, `sqlite:///var/lib/x.sqlite` absolute) or
/// `postgres://user:pass@host:port/db[?sslmode=disable|require]`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    public static let defaultURL = "sqlite://./data/fengqiao.sqlite"

    public struct PostgresSettings: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        public var requireTLS: Bool
    }

    /// Parses a database URL; the error names what is wrong in one Chinese sentence.
    public init(url text: String) throws(DatabaseURLError) {
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty, !path.hasSuffix("/") else { throw DatabaseURLError("sqlite:// 后面应是数据库文件路径") }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw DatabaseURLError("应以 sqlite:// 或 postgres:// 开头")
        }
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw DatabaseURLError("PostgreSQL 地址缺少主机名")
        }
        guard let user = url.user, !user.isEmpty else { throw DatabaseURLError("PostgreSQL 地址缺少用户名") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw DatabaseURLError("PostgreSQL 地址缺少数据库名") }
        let port = url.port ?? 5432
        guard (1...65535).contains(port) else { throw DatabaseURLError("端口应在 1–65535 之间") }
        var requireTLS = false
        for item in url.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"?): requireTLS = false
            case ("sslmode", "require"?): requireTLS = true
            default: throw DatabaseURLError("不支持的参数 \(item.name)=\(item.value ?? "")(仅支持 sslmode=disable|require)")
            }
        }
        self = .postgres(PostgresSettings(
            host: host, port: port, username: user.removingPercentEncoding ?? user,
            password: url.password?.removingPercentEncoding, database: database, requireTLS: requireTLS
        ))
    }

    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// The URL with any password hidden, for logs.
    public var redacted: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let s): "postgres://\(s.username)@\(s.host):\(s.port)/\(s.database)"
        }
    }
}

/// A database URL that cannot be used; `reason` is in Chinese.
public struct DatabaseURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
