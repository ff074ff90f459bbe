using Baton.Secrets;

namespace Baton.Cli;

/// <summary>Which secrets file a command reads: <c>--secrets-file</c>, else <c>BATON_SECRETS_FILE</c>, else <c>~/.config/baton/secrets.json</c>.</summary>
internal static class SecretsFiles
{
    /// <summary>The provider for the chosen file; none when no file is named and the default one is absent.</summary>
    /// <exception cref="UsageException">The file given with <c>--secrets-file</c> does not exist or is a directory.</exception>
    /// <exception cref="SecretsFileException">The file is not a JSON object of strings.</exception>
    public static IEnumerable<ISecretProvider> Open(string? option)
    {
        if (option is not null)
        {
            var path = Path.GetFullPath(option);
            if (Directory.Exists(path))
            {
                throw new UsageException($"--secrets-file '{option}' is a directory; give the JSON file of secrets.");
            }

            if (!File.Exists(path))
            {
                throw new UsageException($"--secrets-file '{option}' does not exist. Check the path, or leave the option out to use $BATON_SECRETS_FILE or ~/.config/baton/secrets.json.");
            }

            return [new FileSecretProvider(path)];
        }

        // An unset or absent default file simply holds no secrets: most workflows need none.
        return Default() is { } file ? [new FileSecretProvider(file)] : [];
    }

    /// <summary><c>BATON_SECRETS_FILE</c>, or <c>$XDG_CONFIG_HOME/baton/secrets.json</c>; null when no config directory is known.</summary>
    public static string? Default()
    {
        var configured = Environment.GetEnvironmentVariable("BATON_SECRETS_FILE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return UserDirectories.Config() is { } config ? Path.Combine(config, "baton", "secrets.json") : null;
    }
}
