@testable import FengqiaoJobs
import Foundation
import NIOCore
import NIOPosix

/// A local SMTP sink for tests on SwiftNIO: it offers AUTH PLAIN, accepts every recipient except those
/// containing "reject", and keeps each message's envelope and DATA.
final class FakeSMTPSink: @unchecked Sendable {
    struct Mail: Sendable {
        var helo: String
        var auth: String?
        var from: String
        var to: [String]
        var data: String
    }

    private let lock = NSLock()
    private var _mails: [Mail] = []
    private var task: Task<Void, any Error>?
    private var server: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>?
    private(set) var port = 0

    var mails: [Mail] { lock.withLock { _mails } }

    func start() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        self.server = server
        port = server.channel.localAddress?.port ?? 0
        task = Task {
            try await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { try? await self.serve(connection) }
                    }
                }
            }
        }
    }

    func stop() async {
        try? await server?.channel.close()
        _ = await task?.result
    }

    private func serve(_ connection: NIOAsyncChannel<String, ByteBuffer>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            func say(_ text: String) async throws { try await outbound.write(ByteBuffer(string: text + "\r\n")) }
            try await say("220 sink ESMTP ready")
            var mail = Mail(helo: "", auth: nil, from: "", to: [], data: "")
            var inData = false
            var data: [String] = []
            for try await line in inbound {
                if inData {
                    if line == "." {
                        inData = false
                        mail.data = data.joined(separator: "\r\n")
                        let finished = mail
                        lock.withLock { _mails.append(finished) }
                        data = []
                        try await say("250 queued")
                    } else {
                        data.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
                    }
                    continue
                }
                let upper = line.uppercased()
                if upper.hasPrefix("EHLO ") {
                    mail.helo = String(line.dropFirst(5))
                    try await say("250-sink greets you\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME")
                } else if upper.hasPrefix("AUTH PLAIN ") {
                    mail.auth = String(line.dropFirst(11))
                    try await say("235 2.7.0 authenticated")
                } else if upper.hasPrefix("MAIL FROM:") {
                    mail.from = String(line.dropFirst(10))
                    try await say("250 ok")
                } else if upper.hasPrefix("RCPT TO:") {
                    if line.contains("reject") {
                        try await say("550 5.1.1 no such user")
                    } else {
                        mail.to.append(String(line.dropFirst(8)))
                        try await say("250 ok")
                    }
                } else if upper == "DATA" {
                    inData = true
                    try await say("354 end with .")
                } else if upper == "QUIT" {
                    try await say("221 bye")
                    return
                } else {
                    try await say("502 not implemented")
                }
            }
        }
    }
}
