import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Sorts transport failures into "provably never reached the provider" and "may have
/// reached it". Only errors that can happen before a single request byte is written are
/// in the first group; anything unrecognised is in the second, because calling a
/// delivered request "not sent" could make a caller pay for a call twice.
enum TransportErrors {
    static func classify(_ error: Error) -> UploadError {
        let text = describe(error)
        if let e = error as? HTTPClientError {
            let beforeSending: [HTTPClientError] = [
                .connectTimeout, .getConnectionFromPoolTimeout, .invalidURL, .emptyHost, .emptyScheme,
                .alreadyShutdown, .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout,
                .invalidProxyResponse, .proxyAuthenticationRequired,
            ]
            if beforeSending.contains(e) || "\(e)".contains("unsupportedScheme") { return .notReached(text) }
            return .noAnswer(text)
        }
        // Produced only by connect (happy eyeballs): refused, unreachable, DNS failures.
        if error is NIOConnectionError { return .notReached(text) }
        if let e = error as? ChannelError, case .connectTimeout = e { return .notReached(text) }
        if let e = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(e.errnoCode) { return .notReached(text) }
        // TLS: a handshake failure happens before the request is written. Matched by type
        // name because NIOSSL is only a transitive dependency.
        let type = String(reflecting: Swift.type(of: error))
        if type.contains("NIOSSL"), text.lowercased().contains("handshake") || text.contains("failedToValidateHostname") {
            return .notReached(text)
        }
        return .noAnswer(text)
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout: return "connect timed out"
            case .getConnectionFromPoolTimeout: return "no connection could be made in time"
            case .deadlineExceeded: return "timed out waiting for the answer"
            case .readTimeout: return "timed out reading the answer"
            case .remoteConnectionClosed: return "the connection was closed before the answer was complete"
            default: return "\(e)"
            }
        }
        if let e = error as? NIOConnectionError {
            if e.dnsAError != nil || e.dnsAAAAError != nil, e.connectionErrors.isEmpty { return "cannot resolve \(e.host)" }
            let first = e.connectionErrors.first.map { "\($0.error)" } ?? "connect failed"
            return "cannot connect to \(e.host):\(e.port): \(first)"
        }
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)).lowercased() }
        return "\(error)"
    }
}
