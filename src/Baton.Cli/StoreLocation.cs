namespace Baton.Cli;

/// <summary>Where the store file is: <c>--store</c>, else <c>BATON_STORE</c>, else <c>$XDG_DATA_HOME/baton/baton.db</c> (<c>~/.local/share/baton/baton.db</c>).</summary>
internal sealed record StoreLocation(string Path, string Source)
{
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

        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(data))
        {
            data = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return new StoreLocation(System.IO.Path.Combine(data, "baton", "baton.db"), "default");
    }
}
