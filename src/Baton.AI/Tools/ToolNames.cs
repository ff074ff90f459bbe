using System.Text.RegularExpressions;

namespace Baton.AI.Tools;

/// <summary>The names model APIs accept for tools.</summary>
internal static partial class ToolNames
{
    public const string Rule = "1 to 64 letters, digits, '_' or '-'";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
