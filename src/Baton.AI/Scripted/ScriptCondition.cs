using System.Text.RegularExpressions;
using Baton.AI.Models;
using Baton.Definitions;

namespace Baton.AI.Scripted;

/// <summary>A response's <c>when</c>: a case-insensitive substring of the conversation, or a <c>/regex/</c> matched with a 100 ms limit.</summary>
internal sealed class ScriptCondition
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly string? _substring;
    private readonly Regex? _regex;
    private readonly SourceLocation _location;

    private ScriptCondition(string? substring, Regex? regex, SourceLocation location)
    {
        _substring = substring;
        _regex = regex;
        _location = location;
    }

    /// <exception cref="ModelConfigurationException">The text is empty, or its regex does not parse.</exception>
    public static ScriptCondition Parse(string text, SourceLocation location)
    {
        if (text.Length == 0)
        {
            throw new ModelConfigurationException($"{location}: 'when' is empty; remove it to match any conversation, or give text to look for.");
        }

        if (text.Length < 3 || text[0] != '/' || text[^1] != '/')
        {
            return new ScriptCondition(text, null, location);
        }

        try
        {
            return new ScriptCondition(null, new Regex(text[1..^1], RegexOptions.CultureInvariant, MatchTimeout), location);
        }
        catch (ArgumentException ex)
        {
            throw new ModelConfigurationException($"{location}: 'when' is the regex {text}, which does not parse: {ex.Message}");
        }
    }

    /// <exception cref="ModelCallException">The regex took longer than 100 ms: <see cref="AIErrorCodes.Configuration"/>, not retryable.</exception>
    public bool Matches(string conversation)
    {
        if (_substring is not null)
        {
            return conversation.Contains(_substring, StringComparison.OrdinalIgnoreCase);
        }

        try
        {
            return _regex!.IsMatch(conversation);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ModelCallException(
                AIErrorCodes.Configuration,
                $"{_location}: the regex of 'when' took longer than {MatchTimeout.TotalMilliseconds} ms on this conversation; make it simpler.",
                retryable: false);
        }
    }
}
