namespace Baton.Cli;

/// <summary>The user's data and config directories, as the XDG base directory rules define them; always absolute.</summary>
internal static class UserDirectories
{
    /// <summary><c>$XDG_DATA_HOME</c>, else <c>$HOME/.local/share</c>; null when neither is an absolute path.</summary>
    public static string? Data() => FromXdg("XDG_DATA_HOME", ".local", "share");

    /// <summary><c>$XDG_CONFIG_HOME</c>, else <c>$HOME/.config</c>; null when neither is an absolute path.</summary>
    public static string? Config() => FromXdg("XDG_CONFIG_HOME", ".config");

    private static string? FromXdg(string variable, params string[] underHome)
    {
        // The XDG rules ignore a relative value; so do we, rather than resolve it against the current directory.
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value) && Path.IsPathFullyQualified(value))
        {
            return value;
        }

        return Home() is { } home ? Path.Combine([home, .. underHome]) : null;
    }

    /// <summary>
    /// <c>$HOME</c> even when the directory does not exist yet (the store creates what it needs), else the account's home
    /// directory from the system.
    /// </summary>
    private static string? Home()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        if (!string.IsNullOrWhiteSpace(home) && Path.IsPathFullyQualified(home))
        {
            return home;
        }

        var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        return !string.IsNullOrWhiteSpace(profile) && Path.IsPathFullyQualified(profile) ? profile : null;
    }
}
