using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Engine;

internal static class Truthiness
{
    /// <summary>false, null, 0 and '' are false; everything else, empty lists and mappings included, is true.</summary>
    public static bool IsTruthy(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return value is not null;
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.Number => !IsZero(scalar),
            JsonValueKind.String => scalar.GetValue<string>().Length > 0,
            _ => true,
        };
    }

    private static bool IsZero(JsonValue number)
    {
        if (number.TryGetValue<double>(out var d))
        {
            return d == 0;
        }

        if (number.TryGetValue<long>(out var l))
        {
            return l == 0;
        }

        if (number.TryGetValue<int>(out var i))
        {
            return i == 0;
        }

        if (number.TryGetValue<decimal>(out var m))
        {
            return m == 0;
        }

        return number.ToJsonString() is "0" or "-0" or "0.0";
    }
}
