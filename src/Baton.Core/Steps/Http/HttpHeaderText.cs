namespace Baton.Steps;

/// <summary>Header name and value rules from RFC 9110, narrowed to what HttpClient sends.</summary>
internal static class HttpHeaderText
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>Whether <paramref name="name"/> is a non-empty token: letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>.</summary>
    public static bool IsToken(string name)
        => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="value"/> holds only visible ASCII, spaces and tabs.</summary>
    public static bool IsValidValue(string value) => value.All(c => c == '\t' || (c >= ' ' && c <= '~'));
}
