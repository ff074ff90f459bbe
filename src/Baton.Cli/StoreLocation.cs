namespace Baton.Cli;

/// <summary>
/// Where the store file is: <c>--store</c>, else <c>BATON_STORE</c>, else <c>$XDG_DATA_HOME/baton/baton.db</c>, else
/// <c>$HOME/.local/share/baton/baton.db</c>. Always an absolute path.
/// </summary>
internal sealed record StoreLocation(string Path, string Source)
{
    public bool Exists => File.Exists(Path);

    /// <exception cref="UsageException">No option or variable names the store, and no home directory is known to put the default in.</exception>
    public static StoreLocation Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new StoreLocation(System.IO.Path.GetFullPath(option), "--store");
        }

        var variable = Environment.GetEnvironmentVariable("BATON_STORE");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return new StoreLocation(System.IO.Path.GetFullPath(variable), "BATON_STORE");
        }

        var data = UserDirectories.Data()
            ?? throw new UsageException("The default store cannot be placed: neither XDG_DATA_HOME nor HOME names an absolute directory. Choose the store with --store PATH or BATON_STORE.", "store.unavailable");
        return new StoreLocation(System.IO.Path.Combine(data, "baton", "baton.db"), "default");
    }

    /// <summary>For commands that only act on runs that exist: a missing file is a mistyped path, not a new store.</summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    public StoreLocation RequireExisting()
    {
        if (Directory.Exists(Path))
        {
            throw new UsageException($"The store '{Path}' (from {Source}) is a directory; give the store's file.", "store.missing");
        }

        return Exists ? this : throw new UsageException(
            $"The store '{Path}' (from {Source}) does not exist, so it holds no runs. Check the path; '{CliName.Command("run")}' creates a store when it starts the first run.",
            "store.missing");
    }
}
