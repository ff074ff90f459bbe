using System.Text.RegularExpressions;

namespace Baton.Cli;

/// <summary>
/// How the user runs baton, so that the commands printed as hints can be pasted back as they are: <c>./baton</c> from a
/// checkout (the root script says so in <see cref="Variable"/>), <c>baton</c> for the installed tool.
/// </summary>
internal static partial class CliName
{
    /// <summary>Set by the checkout's <c>baton</c> script to the path it was run by.</summary>
    public const string Variable = "BATON_INVOKED_AS";

    /// <summary>The word (or quoted path) that starts a baton command here.</summary>
    public static string Value { get; private set; } = "baton";

    /// <summary>Reads <see cref="Variable"/> once, and removes it so that the processes the steps start do not inherit it.</summary>
    public static void Capture()
    {
        var invoked = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, null);
        if (!string.IsNullOrWhiteSpace(invoked))
        {
            Value = Quote(invoked);
        }
    }

    /// <summary>A baton command line to print, such as <c>./baton show 01m9...</c>.</summary>
    public static string Command(string arguments) => $"{Value} {arguments}";

    private static string Quote(string path)
        => PlainWord().IsMatch(path) ? path : $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    [GeneratedRegex("^[A-Za-z0-9_./:@%+=,-]+$")]
    private static partial Regex PlainWord();
}
