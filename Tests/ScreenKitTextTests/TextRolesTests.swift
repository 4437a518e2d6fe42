import ScreenKit
import Testing

@Test("Every role has a bit of its own, and a set of roles lists them back in declaration order")
func rolesAreDistinctBits() {
    let all = TextRole.allCases.map { TextRoles($0) }
    #expect(Set(all.map(\.rawValue)).count == TextRole.allCases.count)
    #expect(all.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
    var roles: TextRoles = [.link, .heading]
    roles.insert(.quote)
    #expect(roles.members == [.heading, .link, .quote])
    #expect(roles.contains(.link) && !roles.contains(.strong))
    #expect(StyledSpan("« Québec »", roles: [.strong, .emphasis]) == StyledSpan("« Québec »", roles: [.emphasis, .strong]))
}
