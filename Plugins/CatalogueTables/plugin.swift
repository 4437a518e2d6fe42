import Foundation
import PackagePlugin

// Turns every po/LANG.po at the package's root into one Swift file of tables for the target that uses the plugin
// (Localization). The catalogue is then part of the program: nothing to find at run time, whether it runs from
// .build or from `make install`'s prefix.
//
// The plugin writes the file itself, as SwiftPM plans each build, and hands SwiftPM the directory through a
// prebuild command that does nothing (`true`). A tool built from this package would be compiled with the build's
// own flags, and the fuzz build's -sanitize=fuzzer links libFuzzer's main into every executable: such a tool could
// not be linked there. The file is rewritten only when a .po changed, so Localization is not compiled for nothing.
@main
struct CatalogueTables: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "po")
        let paths = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".po") }.sorted().map { directory.appending(path: $0).path }
        let outputs = context.pluginWorkDirectoryURL.appending(path: "tables")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let output = outputs.appending(path: "CatalogueTables.swift")
        let source = try catalogueSource(paths)
        if (try? String(contentsOf: output, encoding: .utf8)) != source {
            try source.write(to: output, atomically: true, encoding: .utf8)
        }
        return [.prebuildCommand(displayName: "Message catalogue from po/", executable: URL(fileURLWithPath: "/usr/bin/true"),
                                 arguments: [], outputFilesDirectory: outputs)]
    }
}
