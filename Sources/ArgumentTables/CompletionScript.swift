import Foundation
import Localization

/// Shell completions written from the tables: the commands and subcommands, each command's options (its own and
/// those of the commands above it, which it accepts too) and the fixed values of an option or argument that has
/// them. Everything else completes as file names. Hidden commands and rows are left out.
public enum CompletionScript {
    public static let shells = ["bash", "zsh", "fish"]

    public static func script(for shell: String, _ root: CommandTable, catalogue: Catalogue) -> String? {
        let commands = Place.all(root)
        switch shell {
        case "bash": return bash(root.name, commands)
        case "zsh": return zsh(root.name, commands)
        case "fish": return fish(root.name, commands, catalogue)
        default: return nil
        }
    }

    /// A command as completion sees it: where it is, and what may follow it.
    struct Place {
        var path: [String]
        var table: CommandTable
        /// Its rows and those of the commands above it.
        var rows: [ArgumentRow]

        var key: String { path.joined(separator: " ") }
        var subcommands: [CommandTable] { table.subcommands.filter { !$0.isHidden } }
        var flags: [String] { names(rows.filter { $0.kind == .flag }) + ["-h", "--help"] + (path.isEmpty ? ["--version"] : []) }
        var options: [String] { names(rows.filter { $0.kind == .option }) }
        var firstPositional: ArgumentRow? { table.rows.first { $0.kind == .positional } }

        private func names(_ rows: [ArgumentRow]) -> [String] {
            rows.flatMap { row in (row.short.map { ["-\($0)"] } ?? []) + ["--" + row.name] }
        }

        static func all(_ root: CommandTable) -> [Place] {
            var places: [Place] = []
            func visit(_ table: CommandTable, _ path: [String], _ above: [ArgumentRow]) {
                // A command that lists the root's options (to show them in its help) has them once.
                let rows = above + table.rows.filter { row in
                    !row.isHidden && row.kind != .positional && !above.contains { $0.name == row.name }
                }
                places.append(Place(path: path, table: table, rows: rows))
                for sub in table.subcommands where !sub.isHidden { visit(sub, path + [sub.name], rows) }
            }
            visit(root, [], [])
            return places
        }
    }

    private static func choices(_ row: ArgumentRow) -> [String]? {
        if case .choice(let words) = row.value { return words }
        return nil
    }

    /// The shell functions bash and zsh share: what each command accepts, as words.
    private static func tables(_ name: String, _ commands: [Place]) -> String {
        var out = "_\(name)_words() {\n    subcommands= flags= options= positional=\n    case $1 in\n"
        for place in commands {
            out += "    '\(place.key)')\n"
            out += "        subcommands='\(place.subcommands.map(\.name).joined(separator: " "))'\n"
            out += "        flags='\(place.flags.joined(separator: " "))'\n"
            out += "        options='\(place.options.joined(separator: " "))'\n"
            out += "        positional='\(place.firstPositional.flatMap(choices)?.joined(separator: " ") ?? "")' ;;\n"
        }
        out += "    esac\n}\n\n_\(name)_values() {\n    values=\n    case \"$1 $2\" in\n"
        for place in commands {
            for row in place.table.rows where row.kind == .option && !row.isHidden {
                guard let words = choices(row) else { continue }
                out += "    '\(place.key) --\(row.name)') values='\(words.joined(separator: " "))' ;;\n"
            }
        }
        return out + """
                esac
            }

            # Reads the words before the cursor: the subcommands named (cmdpath), whether the word at the cursor is
            # an option's value (skip), how many arguments came (count), and what the command accepts (its words).
            _\(name)_walk() {
                local word
                cmdpath= skip= count=0
                _\(name)_words ''
                for word in "$@"; do
                    # bash splits --color=al into --color, = and al.
                    if [[ $word == "=" ]]; then skip=1; continue; fi
                    if [[ -n $skip ]]; then skip=; continue; fi
                    case $word in
                    -*=*) ;;
                    -*) [[ " $options " == *" $word "* ]] && skip=1 ;;
                    *)
                        if [[ " $subcommands " == *" $word "* ]]; then
                            cmdpath=${cmdpath:+$cmdpath }$word
                            _\(name)_words "$cmdpath"
                        else
                            count=$((count + 1))
                        fi ;;
                    esac
                done
            }

            """
    }

    private static func bash(_ name: String, _ commands: [Place]) -> String {
        """
        # bash completion for \(name), written by `\(name) --generate-completion-script bash` from its command tables.

        \(tables(name, commands))
        _\(name)() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmdpath skip count
            local subcommands flags options positional values
            _\(name)_walk "${COMP_WORDS[@]:1:COMP_CWORD-1}"
            if [[ $cur == "=" ]]; then skip=1 prev=${COMP_WORDS[COMP_CWORD-1]} cur=; fi
            if [[ -n $skip ]]; then
                [[ $prev == = ]] && prev=${COMP_WORDS[COMP_CWORD-2]}
                _\(name)_values "$cmdpath" "$prev"
                if [[ -n $values ]]; then
                    COMPREPLY=($(compgen -W "$values" -- "$cur"))
                else
                    COMPREPLY=($(compgen -f -- "$cur"))
                fi
                return
            fi
            case $cur in
            -*) COMPREPLY=($(compgen -W "$flags $options" -- "$cur")) ;;
            *)
                if [[ -n $subcommands ]]; then
                    COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
                elif [[ $count -eq 0 && -n $positional ]]; then
                    COMPREPLY=($(compgen -W "$positional" -- "$cur"))
                else
                    COMPREPLY=($(compgen -f -- "$cur"))
                fi ;;
            esac
        }
        complete -F _\(name) \(name)

        """
    }

    private static func zsh(_ name: String, _ commands: [Place]) -> String {
        """
        #compdef \(name)
        # zsh completion for \(name), written by `\(name) --generate-completion-script zsh` from its command tables.

        \(tables(name, commands))
        _\(name)() {
            local cur=${words[CURRENT]} prev=${words[CURRENT-1]} cmdpath skip count
            local subcommands flags options positional values
            _\(name)_walk "${(@)words[2,CURRENT-1]}"
            if [[ -n $skip ]]; then
                _\(name)_values "$cmdpath" "$prev"
                if [[ -n $values ]]; then compadd -- ${=values}; else _files; fi
                return
            fi
            case $cur in
            --*=*)
                _\(name)_values "$cmdpath" "${cur%%=*}"
                compadd -P "${cur%%=*}=" -- ${=values} ;;
            -*) compadd -- ${=flags} ${=options} ;;
            *)
                if [[ -n $subcommands ]]; then
                    compadd -- ${=subcommands}
                elif [[ $count -eq 0 && -n $positional ]]; then
                    compadd -- ${=positional}
                else
                    _files
                fi ;;
            esac
        }

        _\(name) "$@"

        """
    }

    private static func fish(_ name: String, _ commands: [Place], _ catalogue: Catalogue) -> String {
        func quoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        var out = """
            # fish completion for \(name), written by `\(name) --generate-completion-script fish` from its command tables.

            # The subcommands named so far on the command line, as one word ("feeds add").
            function __\(name)_path
                set -l cmdpath
                set -l skip 0
                for word in (commandline -opc)[2..-1]
                    if test $skip = 1
                        set skip 0
                        continue
                    end
                    switch $word
                        case '--*=*'
                        case '-*'
                            contains -- $word (__\(name)_options "$cmdpath"); and set skip 1
                        case '*'
                            contains -- $word (__\(name)_subcommands "$cmdpath"); and set -a cmdpath $word
                    end
                end
                echo "$cmdpath"
            end

            function __\(name)_at
                set -l here (__\(name)_path)
                test "$here" = "$argv[1]"
            end

            function __\(name)_subcommands
                switch "$argv[1]"

            """
        for place in commands where !place.subcommands.isEmpty {
            out += "        case \(quoted(place.key))\n            printf '%s\\n' \(place.subcommands.map(\.name).joined(separator: " "))\n"
        }
        out += "    end\nend\n\nfunction __\(name)_options\n    switch \"$argv[1]\"\n"
        for place in commands where !place.options.isEmpty {
            out += "        case \(quoted(place.key))\n            printf '%s\\n' -- \(place.options.joined(separator: " "))\n"
        }
        out += "    end\nend\n\ncomplete -c \(name) -f\n"
        for place in commands {
            let at = "-n " + quoted("__\(name)_at " + quoted(place.key))
            for sub in place.subcommands {
                out += "complete -c \(name) \(at) -a \(sub.name) -d \(quoted(sub.abstractText(catalogue)))\n"
            }
            for row in place.rows {
                var line = "complete -c \(name) \(at) -l \(row.name)"
                if let short = row.short { line += " -s \(short)" }
                if row.kind == .option { line += choices(row).map { " -x -a " + quoted($0.joined(separator: " ")) } ?? " -r -F" }
                out += line + " -d " + quoted(String(row.helpText(catalogue).prefix(80))) + "\n"
            }
            out += "complete -c \(name) \(at) -s h -l help -d \(quoted(ArgumentRow.helpFlag.helpText(catalogue)))\n"
            if let positional = place.firstPositional {
                out += "complete -c \(name) \(at) " + (choices(positional).map { "-a " + quoted($0.joined(separator: " ")) } ?? "-F") + "\n"
            }
        }
        return out
    }
}
