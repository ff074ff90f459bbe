using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Baton.AI.OpenAI;

/// <summary>A tool call's arguments: OpenAI sends them as a JSON string; Baton holds them as a dictionary of <see cref="JsonElement"/>s.</summary>
internal static class ToolArguments
{
    /// <summary>Where arguments that are not a JSON object are kept, as the text the model sent.</summary>
    public const string RawKey = "_raw";

    public static Dictionary<string, object?> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.Clone();
                }

                return arguments;
            }
        }
        catch (JsonException)
        {
            // A model can write broken JSON; the step reports it to the model rather than failing the call.
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal) { [RawKey] = json };
    }

    /// <summary>The JSON text to send back for a call's arguments; raw text kept by <see cref="Parse"/> goes back as it came.</summary>
    public static string Serialize(IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            return "{}";
        }

        if (arguments.Count == 1 && arguments.TryGetValue(RawKey, out var raw) && raw is string text)
        {
            return text;
        }

        return JsonSerializer.Serialize(arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));
    }
}
