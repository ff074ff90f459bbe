using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Baton.Cli;

/// <summary>
/// Finds words that look like options but that the command does not have. The parser would take them as values of the
/// command's arguments (a file named '--bogus'); here they are usage errors. Option values are left alone
/// (<c>--reason "-late"</c>), a value that starts with '-' can still be given after '--', and negative numbers pass so
/// that their own range check can speak of them.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>One message per such word, in the order given, all worded the same for every command.</summary>
    public static IEnumerable<string> Find(ParseResult parse)
    {
        var afterDoubleDash = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet(ReferenceEqualityComparer.Instance);
        var taken = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        var command = CommandPath(parse) is { Length: > 0 } path ? $"baton {path}" : "baton";
        foreach (var token in parse.Tokens)
        {
            var misplaced = taken.Contains(token) || (token.Type == TokenType.Argument && unmatched.Contains(token.Value));
            if (misplaced && !afterDoubleDash.Contains(token) && LooksLikeOption(token.Value))
            {
                yield return $"'{token.Value}' is not an option of '{command}'.";
            }
        }
    }

    /// <summary>The command's words after 'baton', such as 'run'; empty for the root.</summary>
    public static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result?.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static bool LooksLikeOption(string value)
        => value.Length > 1 && value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
