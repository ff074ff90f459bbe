using System.CommandLine;

namespace Baton.Cli;

internal static class CommonOptions
{
    /// <summary>Recursive on the root, so every command takes it.</summary>
    public static readonly Option<string?> Store = new("--store")
    {
        Description = "The store file. Default: $BATON_STORE, else ~/.local/share/baton/baton.db.",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document, for scripts." };

    public static Option<string?> SecretsFile() => new("--secrets-file")
    {
        Description = "A JSON file mapping secret names to values. Default: $BATON_SECRETS_FILE, else ~/.config/baton/secrets.json.",
    };

    public static Option<string?> By() => new("--by")
    {
        Description = "Who is acting, recorded in the timeline. Default: the current user.",
    };

    public static string Actor(string? by)
        => string.IsNullOrWhiteSpace(by) ? $"user:{Environment.UserName}" : by.Contains(':', StringComparison.Ordinal) ? by : $"user:{by}";
}
