import Foundation
import PackagePlugin

// Turns every po/LANG.po at the package's root into one Swift file of tables for the target that uses the plugin
// (Localization), on each build where a .po changed. The catalogue is then part of the program: nothing to find at
// run time, whether it runs from .build or from `make install`'s prefix.
@main
struct CatalogueTables: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "po")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".po") }.sorted()
        let inputs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "CatalogueTables.swift")
        return [.buildCommand(displayName: "Message catalogue from po/", executable: try context.tool(named: "po-to-swift").url,
                              arguments: [output.path] + inputs.map(\.path), inputFiles: inputs, outputFiles: [output])]
    }
}
