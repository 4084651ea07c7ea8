import Foundation
import NIOCore

extension Sandbox {
    /// After `webhookDelayMs` the call is final; if it has a hook, the report is posted
    /// there: AlphaSMS `{id, phone, status, duration, dtmf}`, apiCalls the `get` shape.
    /// Like the providers, it retries until it gets a 200, three times at most.
    func scheduleWebhook(_ id: Int) {
        let state = self.state, delay = config.webhookDelayMs, transport = webhookTransport
        let task = Task {
            try? await Task.sleep(for: .milliseconds(delay))
            guard !Task.isCancelled, let call = await state.finish(id), let hook = call.hook else { return }
            let payload: [String: Any] = call.provider == "alphasms"
                ? ["id": call.id, "phone": call.phone, "status": call.status, "duration": call.duration, "dtmf": call.dtmf ?? ""]
                : self.callJSON(call)
            guard let data = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]) else { return }
            for attempt in 0..<3 {
                if Task.isCancelled { return }
                if attempt > 0 { try? await Task.sleep(for: .milliseconds(300)) }
                if let reply = try? await transport.post(hook, contentType: "application/json", body: ByteBuffer(bytes: data)), reply.status == 200 {
                    await state.noteWebhook(sent: true)
                    return
                }
            }
            await state.noteWebhook(sent: false)
        }
        Task { await state.track(task) }
    }
}
