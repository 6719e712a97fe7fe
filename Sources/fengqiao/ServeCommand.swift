import ArgumentParser
import FengqiaoJobs
import FengqiaoServices
import FengqiaoStore
import FengqiaoWeb
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `fengqiao serve`: the web server and, unless `--no-jobs`, the job runner, in one process.
/// SIGTERM/SIGINT stop it gracefully: requests in flight finish, then jobs, then the database closes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "启动平台服务 (start the server)")

    @OptionGroup var options: CommonOptions
    @OptionGroup var audit: AuditOptions
    @OptionGroup var auditSchedule: AuditScheduleOptions

    @Option(help: "监听地址 (FENGQIAO_HOST, 默认 127.0.0.1)")
    var host: String?

    @Option(help: "监听端口 (FENGQIAO_PORT, 默认 8080)")
    var port: String?

    @Flag(help: "空数据库时载入 small 规模演示数据并打印演示账号")
    var demo = false

    @Flag(help: "启动时不应用数据库迁移")
    var noMigrate = false

    @Flag(help: "不运行后台任务(多实例部署时可由 fengqiao serve 的其他实例运行)")
    var noJobs = false

    @Option(help: "实例名,用于日志和任务认领 (默认 主机名-进程号)")
    var instanceName: String?

    @Option(help: "群众访问本平台的地址,印在二维码上,如 https://zz.example.gov.cn (FENGQIAO_PUBLIC_URL);为 https 时 Cookie 带 Secure 并发送 HSTS")
    var publicUrl: String?

    func run() async throws {
        let web = try webConfiguration()
        let delivery = NotificationDelivery(channels: try DeliverySettings.channels(), workerName: web.instanceName)
        let (retentionDays, checkpointInterval) = (try auditSchedule.retentionDays(), try auditSchedule.checkpointInterval())
        let logger = try options.bootstrapLogging()
        let platform = try await PlatformStartup(options: options, logger: logger).open(migrate: !noMigrate)
        do {
            if demo { try await loadDemoIfEmpty(platform) }
            var services: [any Service] = [DatabaseCloser(database: platform.database)]
            if !noJobs {
                services.append(JobRunner(platform: platform, workerName: web.instanceName,
                                          handlers: JobRunner.standardHandlers(delivery: delivery)))
            }
            services.append(AuditKeeper(platform: platform, seal: try audit.seal(options, logger: logger),
                                        interval: checkpointInterval, retentionDays: noJobs ? nil : retentionDays))
            let app = try await buildApplication(platform: platform, configuration: web) {
                say("枫桥平台已启动 (Fengqiao is running): http://\(web.host):\(web.port)/")
            }
            services.append(app)
            let group = ServiceGroup(configuration: .init(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
            ))
            try await group.run()
            logger.info("stopped cleanly")
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EADDRNOTAVAIL {
            await platform.database.close()
            let setting = port != nil ? "--port" : CommonOptions.environment["FENGQIAO_PORT"] != nil ? "FENGQIAO_PORT" : "--port"
            throw SettingError(setting: setting, reason: "无法监听 \(web.host):\(web.port)(地址已被占用或不可用)")
        } catch {
            await platform.database.close()
            throw error
        }
    }

    func webConfiguration() throws -> WebConfiguration {
        let env = CommonOptions.environment
        let host = host ?? env["FENGQIAO_HOST"] ?? "127.0.0.1"
        guard !host.isEmpty, !host.contains(" ") else {
            throw SettingError(setting: self.host == nil ? "FENGQIAO_HOST" : "--host", reason: "监听地址无效")
        }
        var port = 8080
        if let (text, setting) = CommonOptions.pick(self.port, flagName: "--port", env: "FENGQIAO_PORT") {
            guard let value = Int(text), (1...65535).contains(value) else {
                throw SettingError(setting: setting, reason: "端口应为 1–65535 之间的整数,而不是 \"\(text)\"")
            }
            port = value
        }
        let name = instanceName ?? "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        var publicURL: String?
        if let (text, setting) = CommonOptions.pick(publicUrl, flagName: "--public-url", env: "FENGQIAO_PUBLIC_URL") {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), !(url.host ?? "").isEmpty,
                  url.query == nil, url.fragment == nil
            else {
                throw SettingError(setting: setting, reason: "应为 http:// 或 https:// 开头的地址,如 https://zz.example.gov.cn,而不是 \"\(text)\"")
            }
            publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        // Clients that reach the platform over https (usually through a proxy that ends TLS) get Secure
        // cookies and HSTS.
        return WebConfiguration(host: host, port: port, instanceName: name,
                                secureCookies: publicURL?.hasPrefix("https://") ?? false, publicURL: publicURL,
                                reportLimits: try Self.reportLimits(env))
    }

    /// The public report channels' limits: FENGQIAO_REPORT_LIMIT_IP (default 10/hour),
    /// FENGQIAO_REPORT_LIMIT_PHONE (default 5/day), FENGQIAO_TRACK_LIMIT_IP (wrong tracking codes, default 20/hour), each `N/minute|hour|day` or `off`, and
    /// FENGQIAO_TRUSTED_PROXIES (addresses or CIDR ranges whose X-Forwarded-For is believed; default none).
    static func reportLimits(_ env: [String: String]) throws -> ReportLimits {
        var limits = ReportLimits()
        func limit(_ name: String, default value: RateLimit?) throws -> RateLimit? {
            guard let text = env[name] else { return value }
            if text.trimmingCharacters(in: .whitespaces).lowercased() == "off" { return nil }
            guard let parsed = RateLimit(text) else {
                throw SettingError(setting: name, reason: "应为 次数/minute、次数/hour、次数/day 或 off,如 10/hour,而不是 \"\(text)\"")
            }
            return parsed
        }
        limits.perAddress = try limit("FENGQIAO_REPORT_LIMIT_IP", default: limits.perAddress)
        limits.perPhone = try limit("FENGQIAO_REPORT_LIMIT_PHONE", default: limits.perPhone)
        limits.failedLookups = try limit("FENGQIAO_TRACK_LIMIT_IP", default: limits.failedLookups)
        if let text = env["FENGQIAO_TRUSTED_PROXIES"] {
            guard let proxies = TrustedProxies(text) else {
                throw SettingError(setting: "FENGQIAO_TRUSTED_PROXIES",
                                   reason: "应为逗号分隔的 IP 地址或网段,如 127.0.0.1,10.0.0.0/8,而不是 \"\(text)\"")
            }
            limits.trustedProxies = proxies
        }
        return limits
    }

    private func loadDemoIfEmpty(_ platform: Platform) async throws {
        guard try await PlatformOverview(platform: platform).summary().isEmpty else {
            platform.logger.info("database already has data; demo data not loaded")
            return
        }
        DemoLoader.printSummary(try await DemoLoader.load(seed: 1, scale: .small, into: platform))
    }
}

/// Closes the database after every service listed after it has stopped (a service group stops its
/// services in reverse order).
struct DatabaseCloser: Service {
    let database: any Database

    func run() async throws {
        try? await gracefulShutdown()
        await database.close()
    }
}
