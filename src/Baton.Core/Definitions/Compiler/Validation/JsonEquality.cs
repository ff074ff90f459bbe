using System.Text.Json;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>JSON Schema's equality of values: numbers by exact value, objects whatever the order of their members.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                return JsonNumbers.AreEqual(a.GetRawText(), b.GetRawText());
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!AreEqual(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var member in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(member.Name, out var other) || !AreEqual(member.Value, other))
                    {
                        return false;
                    }
                }

                return count == b.EnumerateObject().Count();
            default:
                return true;
        }
    }
}
