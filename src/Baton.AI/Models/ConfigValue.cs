using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.AI.Models;

/// <summary>Reads typed values from the validated <c>models</c>, <c>providers</c> and <c>prices</c> sections, explaining any value that is still odd.</summary>
/// <param name="Where">Where the mapping is, for messages: <c>models.smart in baton.yaml</c>.</param>
/// <param name="Values">The mapping.</param>
internal sealed record ConfigValue(string Where, JsonObject Values)
{
    public string? String(string key)
    {
        var node = Values[key];
        return node switch
        {
            null => null,
            _ when node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Trim() is { Length: > 0 } text => text,
            _ => throw Bad(key, node, "must be a non-empty string"),
        };
    }

    public double? Double(string key, double min, double max)
    {
        var node = Values[key];
        if (node is null)
        {
            return null;
        }

        return Number(node) is { } value && value >= (decimal)min && value <= (decimal)max
            ? (double)value
            : throw Bad(key, node, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    public decimal? Decimal(string key)
    {
        var node = Values[key];
        if (node is null)
        {
            return null;
        }

        return Number(node) is { } value && value >= 0 ? value : throw Bad(key, node, "must be a number of US dollars, 0 or more");
    }

    public int? Int(string key, int min)
    {
        var node = Values[key];
        if (node is null)
        {
            return null;
        }

        return Number(node) is { } value && value == decimal.Truncate(value) && value >= min && value <= int.MaxValue
            ? (int)value
            : throw Bad(key, node, $"must be a whole number, {min} or more");
    }

    public TimeSpan? Duration(string key)
    {
        var node = Values[key];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String && Definitions.Duration.TryParse(node.GetValue<string>(), out var value) && value > TimeSpan.Zero
            ? value
            : throw Bad(key, node, "must be a duration longer than zero, such as 60s or 2m");
    }

    public Uri? Url(string key) => String(key) is { } text ? ParseUrl(text) ?? throw Bad(key, Values[key], "must be an absolute http or https URL") : null;

    /// <summary>An absolute http or https URL, or null.</summary>
    public static Uri? ParseUrl(string text)
        => Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    public ModelConfigurationException Missing(string key, string what)
        => new($"{Where}: '{key}' is missing; give {what}.");

    public ModelConfigurationException Bad(string key, JsonNode? node, string problem)
        => new($"{Where}: '{key}' is {Show(node)}, but it {problem}.");

    /// <summary>A value as a message quotes it: scalars as written, anything else by its kind.</summary>
    public static string Show(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => $"'{node.GetValue<string>()}'",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        _ => JsonKinds.Describe(node),
    };

    private static decimal? Number(JsonNode node)
        => node.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
}
