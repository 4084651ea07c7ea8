/// A queued voice.php call.
public struct VoiceCall: Sendable, Codable, Equatable {
    public var id: String
    public var price: Double?
    public init(id: String, price: Double?) {
        self.id = id
        self.price = price
    }
}

public struct Balance: Sendable, Codable, Equatable {
    public var amount: Double
    public var currency: String?
    public init(amount: Double, currency: String?) {
        self.amount = amount
        self.currency = currency
    }
}

/// One item of a json.php `status` answer: a status, or that item's own error.
public struct MessageStatus: Sendable, Codable, Equatable {
    public var id: String
    /// As the provider spells it: QUEUED, DELIVERED, UNDELIVERABLE, … (002 §11).
    public var status: String?
    public var type: String?
    /// The per-item error (`{"success": false, "error": …}`), when this id failed.
    public var error: String?
}

/// What `voice.php` needs for one call.
public struct VoiceRequest: Sendable {
    public var phone: String
    public var file: String
    public var hook: String?
    public var dtmf: Bool
    public init(phone: String, file: String, hook: String? = nil, dtmf: Bool = false) {
        self.phone = phone
        self.file = file
        self.hook = hook
        self.dtmf = dtmf
    }
}
