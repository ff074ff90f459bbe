using System.Text.Json.Nodes;

namespace Baton.Secrets;

/// <summary>
/// Replaces secret values with <c>***</c> in text and JSON trees. The engine masks everything before it is
/// stored, logged or shown, so a secret that leaks into a step's output is stored masked.
/// </summary>
/// <remarks>
/// Masking matches the value as it is and every form URL encoding gives it (see <see cref="SecretForms"/>). A JSON
/// number or boolean whose text holds a secret is replaced by the string <c>***</c>. A secret that a step transforms
/// (say, base64) cannot be recognised: send secrets where they are used, not through outputs.
/// </remarks>
public sealed class SecretMasker
{
    public const string Mask = "***";

    private readonly Lock _gate = new();
    private string[] _values = [];

    public static SecretMasker Empty { get; } = new();

    public bool IsEmpty => _values.Length == 0;

    /// <summary>Adds values to mask. Thread-safe.</summary>
    public void Add(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            var set = new HashSet<string>(_values, StringComparer.Ordinal);
            foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)))
            {
                set.UnionWith(SecretForms.Of(value));
            }

            // Longest first, so that a secret containing another is masked whole.
            _values = [.. set.OrderByDescending(v => v.Length)];
        }
    }

    public string MaskText(string text)
    {
        var values = _values;
        if (values.Length == 0 || string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// Returns the tree with every string (values and property names) masked, and every number or boolean whose text holds
    /// a secret replaced by the string <c>***</c>: the same instance when nothing needed masking.
    /// </summary>
    public JsonNode? MaskNode(JsonNode? node)
    {
        if (_values.Length == 0 || node is null || !NeedsMask(node))
        {
            return node;
        }

        return Rewrite(node);
    }

    private bool NeedsMask(JsonNode node) => node switch
    {
        JsonObject obj => obj.Any(p => MaskText(p.Key) != p.Key || (p.Value is not null && NeedsMask(p.Value))),
        JsonArray array => array.Any(i => i is not null && NeedsMask(i)),
        JsonValue value => value.TryGetValue<string>(out var s) ? MaskText(s) != s : HoldsSecret(value),
        _ => false,
    };

    /// <summary>True when a number's or a boolean's JSON text holds a secret: such a value cannot be masked in place.</summary>
    private bool HoldsSecret(JsonValue value)
    {
        var text = value.ToJsonString();
        return MaskText(text) != text;
    }

    private JsonNode? Rewrite(JsonNode? node) => node switch
    {
        JsonObject obj => RewriteObject(obj),
        JsonArray array => new JsonArray([.. array.Select(Rewrite)]),
        JsonValue value when value.TryGetValue<string>(out var s) => JsonValue.Create(MaskText(s)),
        JsonValue value when HoldsSecret(value) => JsonValue.Create(Mask),
        _ => node?.DeepClone(),
    };

    private JsonObject RewriteObject(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var masked = MaskText(key);
            var unique = masked;
            for (var n = 2; result.ContainsKey(unique); n++)
            {
                unique = $"{masked}#{n}";
            }

            result[unique] = Rewrite(value);
        }

        return result;
    }
}
