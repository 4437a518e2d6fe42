import ArgumentParser

/// Which feeds list `feeds add`, `remove` and `import` edit: the reader's own, or with `--system` the admin's.
struct FeedListChoice: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(tr("Edit the system list ($QNREAD_SYSTEM_FEEDS, default /etc/qnread/feeds).")))
    var system = false
}
