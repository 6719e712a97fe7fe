#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reverse proxies whose `X-Forwarded-For` header is believed (FENGQIAO_TRUSTED_PROXIES): single
/// addresses and CIDR ranges, IPv4 or IPv6. A request from any other peer is attributed to the peer,
/// whatever the header says, so a client cannot pick its own address to dodge a limit.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        var network: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var bits = prefix
            for (a, n) in zip(address, network) {
                guard bits > 0 else { return true }
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if a & mask != n & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    private(set) var ranges: [Range] = []

    public init() {}

    /// Parses a comma-separated list such as `127.0.0.1, 10.0.0.0/8, ::1`; nil when an entry is not an
    /// address or range.
    public init?(_ text: String) {
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let address = Self.bytes(parts[0]) else { return nil }
            var prefix = address.count * 8
            if parts.count == 2 {
                guard let value = Int(parts[1]), (0...address.count * 8).contains(value) else { return nil }
                prefix = value
            }
            ranges.append(Range(network: address, prefix: prefix))
        }
    }

    public var isEmpty: Bool { ranges.isEmpty }

    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy; then the right-most entry
    /// of `X-Forwarded-For` that is not a trusted proxy (the left-most when all are).
    public func client(peer: String, forwardedFor: String?) -> String {
        guard !ranges.isEmpty, contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { Self.bytes($0) != nil }
        return hops.last { !contains($0) } ?? hops.first ?? peer
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address, nil for anything else.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
