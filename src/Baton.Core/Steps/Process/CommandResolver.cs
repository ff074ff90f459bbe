namespace Baton.Steps;

/// <summary>Finds the file a <c>run</c> step's <c>command</c> names.</summary>
/// <remarks>
/// Baton searches <c>PATH</c> itself rather than leaving it to <see cref="System.Diagnostics.Process"/>, whose own
/// lookup also tries the application's directory and the current directory: a bare name must only ever mean a
/// program on <c>PATH</c>. Relative <c>PATH</c> entries are skipped for the same reason.
/// </remarks>
internal static class CommandResolver
{
    /// <summary>Whether the command is a path (it holds a directory separator) rather than a program name.</summary>
    public static bool IsPath(string command)
        => command.Contains('/', StringComparison.Ordinal) || (OperatingSystem.IsWindows() && command.Contains('\\', StringComparison.Ordinal));

    /// <summary>
    /// Resolves a path against <paramref name="baseDirectory"/> (whether or not the file exists), or looks a name up on
    /// <paramref name="searchPath"/>; null when no directory on it has an executable of that name.
    /// </summary>
    public static string? Resolve(string command, string baseDirectory, string? searchPath)
    {
        if (IsPath(command))
        {
            return Path.GetFullPath(command, baseDirectory);
        }

        foreach (var directory in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathFullyQualified(directory))
            {
                continue;
            }

            foreach (var candidate in Candidates(Path.Combine(directory, command)))
            {
                if (IsExecutableFile(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (OperatingSystem.IsWindows() && !Path.HasExtension(path))
        {
            var extensions = Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD";
            foreach (var extension in extensions.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return path + extension;
            }
        }
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
