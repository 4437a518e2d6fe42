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

@Test("qnread-tool with no subcommand hands over to the reader, which asks for a terminal; the two never loop")
func toolHandsOverToReader() throws {
    let tool = QnReadProcess.binaryURL.deletingLastPathComponent().appendingPathComponent("qnread-tool")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qnread-handover-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    for arguments in [["--db", directory.appendingPathComponent("a.sqlite").path],
                      ["--db=\(directory.appendingPathComponent("-b.sqlite").path)", "--db", directory.appendingPathComponent("c.sqlite").path]] {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(arguments)")
        #expect(message == "Error: the reader needs a terminal: standard input and output must be a tty\n", "\(arguments)")
    }
}
