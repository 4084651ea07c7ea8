/// Runs `body` over `items` with at most `width` in flight, returning results in input order.
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ body: @escaping @Sendable (T) async -> R) async -> [R] {
    var results = [R?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Int, R).self) { group in
        var next = 0
        func submit() {
            guard next < items.count else { return }
            let i = next
            next += 1
            group.addTask { (i, await body(items[i])) }
        }
        for _ in 0..<max(1, min(width, items.count)) { submit() }
        for await (i, r) in group {
            results[i] = r
            submit()
        }
    }
    return results.compactMap { $0 }
}
