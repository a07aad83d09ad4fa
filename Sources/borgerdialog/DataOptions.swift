import App
import ArgumentParser

/// The `--data` option of every command that works on the database.
struct DataOptions: ParsableArguments {
    @Option(help: "Folder for the SQLite database.") var data = AppConfiguration().dataDirectory

    /// A configuration with every default but this data folder.
    var configuration: AppConfiguration {
        var configuration = AppConfiguration()
        configuration.dataDirectory = data
        return configuration
    }
}
