using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>startsWith</c>, <c>endsWith</c>, <c>lower</c>, <c>upper</c>, <c>trim</c>, <c>replace</c>, <c>split</c>, <c>substring</c>, <c>matches</c>.</summary>
internal static class TextFunctions
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public const RegexOptions PatternOptions = RegexOptions.CultureInvariant;

    public static Value StartsWith(Arguments args) => Value.Boolean(args.String(0).StartsWith(args.String(1), StringComparison.Ordinal));

    public static Value EndsWith(Arguments args) => Value.Boolean(args.String(0).EndsWith(args.String(1), StringComparison.Ordinal));

    public static Value Lower(Arguments args) => Value.String(args.String(0).ToLowerInvariant());

    public static Value Upper(Arguments args) => Value.String(args.String(0).ToUpperInvariant());

    public static Value Trim(Arguments args) => Value.String(args.String(0).Trim());

    public static Value Replace(Arguments args)
    {
        var text = args.String(0);
        var old = args.String(1);
        if (old.Length == 0)
        {
            throw args.Fail("needs a non-empty text to replace as its second argument");
        }

        return Value.String(text.Replace(old, args.String(2), StringComparison.Ordinal));
    }

    public static Value Split(Arguments args)
    {
        var text = args.String(0);
        var separator = args.String(1);
        if (separator.Length == 0)
        {
            throw args.Fail("needs a non-empty separator as its second argument");
        }

        var result = new JsonArray();
        if (text.Length == 0)
        {
            return Value.Owned(result);
        }

        foreach (var part in text.Split(separator))
        {
            result.Add(JsonValue.Create(part));
        }

        return Value.Owned(result);
    }

    public static Value Substring(Arguments args)
    {
        var text = args.String(0);
        var start = Math.Clamp(args.Integer(1), 0, text.Length);
        var length = args.Count > 2 ? Math.Clamp(args.Integer(2), 0, text.Length - start) : text.Length - start;
        return Value.String(text.Substring(start, length));
    }

    public static Value Matches(Arguments args)
    {
        var text = args.String(0);
        Regex regex;
        try
        {
            regex = args.State as Regex ?? new Regex(args.String(1), PatternOptions, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw args.Fail($"got an invalid regular expression: {e.Message}");
        }

        return TryMatch(regex, text, out var isMatch)
            ? Value.Boolean(isMatch)
            : throw args.Fail($"gave up after {MatchTimeout.TotalMilliseconds} ms: simplify the pattern");
    }

    /// <summary>Matches <paramref name="input"/> within <see cref="MatchTimeout"/>; false when it could not be done.</summary>
    /// <remarks>
    /// A match that runs into the limit is tried once more: a pause of the whole process (a garbage collection, a
    /// machine busy with other work) can make the quickest match overrun, but rarely twice in a row, while a pattern
    /// that backtracks without end overruns every time.
    /// </remarks>
    public static bool TryMatch(Regex regex, string input, out bool isMatch)
        => TryMatchOnce(regex, input, out isMatch) || TryMatchOnce(regex, input, out isMatch);

    private static bool TryMatchOnce(Regex regex, string input, out bool isMatch)
    {
        try
        {
            isMatch = regex.IsMatch(input);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            isMatch = false;
            return false;
        }
    }

    /// <summary>Compiles a constant pattern once, when the expression is parsed.</summary>
    public static Regex? TryCreatePattern(string pattern, out string? error)
    {
        try
        {
            error = null;
            return new Regex(pattern, PatternOptions, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
    }
}
