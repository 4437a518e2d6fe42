import Foundation
import Testing

@Test("qnread --version prints the version and exits 0")
func versionFlag() throws {
    let result = try QnReadProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
}

@Test("qnread --help names the program and its subcommands")
func helpFlag() throws {
    let result = try QnReadProcess.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: qnread"))
    #expect(result.stdout.contains("parse"))
}
