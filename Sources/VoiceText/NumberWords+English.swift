extension NumberWords {
    static let enUnits = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let enTeens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let enTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let enScales = ["thousand", "million", "billion", "trillion", "quadrillion", "quintillion"]

    static func english(_ n: Int) -> String {
        if n == 0 { return "zero" }
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(rest % 1000); rest /= 1000 }
        var words: [String] = []
        for (i, g) in groups.enumerated().reversed() where g > 0 {
            var w: [String] = []
            if g >= 100 { w.append(enUnits[g / 100] + " hundred") }
            let r = g % 100
            if (10...19).contains(r) { w.append(enTeens[r - 10]) } else if r > 0 {
                w.append([enTens[r / 10], enUnits[r % 10]].filter { !$0.isEmpty }.joined(separator: "-"))
            }
            if i > 0, i - 1 < enScales.count { w.append(enScales[i - 1]) }
            words.append(w.joined(separator: " "))
        }
        return words.joined(separator: " ")
    }
}
