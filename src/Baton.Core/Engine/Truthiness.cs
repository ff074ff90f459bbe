using System.Text.Json.Nodes;
using Baton.Expressions.Runtime;

namespace Baton.Engine;

internal static class Truthiness
{
    /// <summary>The expression language's truthiness: false, null, 0 and '' are false; everything else is true.</summary>
    public static bool IsTruthy(JsonNode? value) => Value.FromNode(value, borrowed: true).IsTruthy();
}
