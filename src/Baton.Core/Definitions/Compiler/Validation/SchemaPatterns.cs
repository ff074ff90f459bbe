using System.Text.RegularExpressions;
using Baton.Expressions.Functions;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// The regular expressions of <c>pattern</c> and <c>patternProperties</c>: read as JsonSchema.Net reads them (.NET's
/// ECMAScript option), and matched within the time limit of the expression language's <c>matches</c>, because the values
/// they check come from callers Baton does not trust.
/// </summary>
/// <remarks>
/// .NET's linear-time engine (<see cref="RegexOptions.NonBacktracking"/>) would answer <c>^(a+)+$</c> at once, but it
/// cannot be combined with the ECMAScript option, and it builds its automaton during the first matches: tens of
/// milliseconds each time, counted against the limit, so a loaded machine would reject valid values.
/// </remarks>
internal static class SchemaPatterns
{
    /// <summary>The <see cref="Json.Schema.KeywordEvaluation.Error"/> of a match that took longer than <see cref="MatchTimeout"/>.</summary>
    public const string TimedOutError = "The pattern took too long to match.";

    public static TimeSpan MatchTimeout => TextFunctions.MatchTimeout;

    /// <summary>The regular expression for <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Create(string pattern) => new(pattern, RegexOptions.ECMAScript, MatchTimeout);

    /// <summary>Matches <paramref name="input"/> within the limit, as <c>matches</c> does (with one retry); false when it could not be done.</summary>
    public static bool TryMatch(Regex regex, string input, out bool isMatch) => TextFunctions.TryMatch(regex, input, out isMatch);

    /// <summary>Why <paramref name="pattern"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            _ = Create(pattern);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"'{pattern}' is not a valid regular expression: {ex.Message}";
        }
    }
}
