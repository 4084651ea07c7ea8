import Foundation
import VoiceUpload

/// How an upload failure bears on a retry.
func sendFailure(_ error: Error) -> Error {
    guard let e = error as? UploadError else {
        if let p = error as? PhoneError { return SendFailure.rejected(code: "invalidPhone", message: p.description) }
        return SendFailure.mayHaveReached("\(error)")
    }
    switch e {
    case let .notReached(why): return SendFailure.notReached(why)
    case let .noAnswer(why): return SendFailure.mayHaveReached(why)
    case let .retryLater(_, after): return SendFailure.retryLater(after: after, e.description)
    case let .unexpectedResponse(status, _) where status >= 500:
        // A 5xx may come after the provider acted on the request: not provably unsent.
        return SendFailure.mayHaveReached(e.description)
    default: return SendFailure.rejected(code: e.code, message: e.description)
    }
}

/// AlphaSMS: every call uploads its WAV.
public struct AlphaSMSSender: CallSender {
    public let provider = "alphasms"
    let client: AlphaSMSClient

    public init(client: AlphaSMSClient) { self.client = client }

    public func balance() async throws -> Double? { try await client.balance().amount }

    public func prepareMedia(file: String, name: String) async throws -> MediaHandle { MediaHandle(file: file) }

    public func send(_ call: OutgoingCall) async throws -> SendReceipt {
        do {
            let r = try await client.voice(phone: call.phone, file: call.media.file, hook: call.hook, dtmf: call.dtmf)
            return SendReceipt(providerID: r.id, price: r.price)
        } catch {
            throw sendFailure(error)
        }
    }

    public func status(ids: [String]) async throws -> [String: String] {
        var out: [String: String] = [:]
        for s in try await client.status(ids: ids) { if let st = s.status { out[s.id] = st } }
        return out
    }
}

/// apiCalls: the WAV becomes a record once; calls reference it by id.
public struct ZvonobotSender: CallSender {
    public let provider = "zvonobot"
    let client: ZvonobotClient
    let price: Double?

    public init(client: ZvonobotClient, price: Double? = nil) {
        self.client = client
        self.price = price
    }

    public func balance() async throws -> Double? { try await client.userInfo().balance }

    public func prepareMedia(file: String, name: String) async throws -> MediaHandle {
        let r = try await client.createRecord(name: name, file: file)
        return MediaHandle(file: file, recordID: r.id, moderation: r.moderation)
    }

    public func send(_ call: OutgoingCall) async throws -> SendReceipt {
        guard let record = call.media.recordID else { throw SendFailure.rejected(code: "noRecord", message: "no record id for this content") }
        do {
            let calls = try await client.create(recordID: record, phones: [call.phone], webhookURL: call.hook)
            guard let first = calls.first else { throw SendFailure.mayHaveReached("create answered without a call id") }
            return SendReceipt(providerID: first.id, price: price)
        } catch let f as SendFailure {
            throw f
        } catch {
            throw sendFailure(error)
        }
    }

    public func status(ids: [String]) async throws -> [String: String] {
        var out: [String: String] = [:]
        for c in try await client.get(ids: ids) { if let st = c.status { out[c.id] = st } }
        return out
    }
}
