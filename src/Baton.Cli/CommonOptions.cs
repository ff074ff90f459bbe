using System.CommandLine;

namespace Baton.Cli;

internal static class CommonOptions
{
    /// <summary>For the commands that use the store; the others (validate, schema, bench) have no use for it and refuse it.</summary>
    public static Option<string?> Store() => new Option<string?>("--store")
    {
        Description = "The store file. Default: $BATON_STORE, else $XDG_DATA_HOME/baton/baton.db (~/.local/share/baton/baton.db).",
    }.NotBlank();

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document, for scripts; errors too, as {\"error\": {...}}." };

    public static Option<string?> SecretsFile() => new Option<string?>("--secrets-file")
    {
        Description = "A JSON file mapping secret names to values; it must exist. Default: $BATON_SECRETS_FILE, else $XDG_CONFIG_HOME/baton/secrets.json, that is ~/.config/baton/secrets.json (each used if present).",
    }.NotBlank();

    public static Option<string?> By() => new Option<string?>("--by")
    {
        Description = "Who is acting, recorded in the timeline. Default: the current user.",
    }.NotBlank();

    public static string Actor(string? by)
        => string.IsNullOrWhiteSpace(by) ? $"user:{Environment.UserName}" : by.Contains(':', StringComparison.Ordinal) ? by : $"user:{by}";
}
