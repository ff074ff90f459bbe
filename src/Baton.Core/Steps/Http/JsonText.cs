using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>Parses text that may or may not be JSON, such as a response body or a process's stdout.</summary>
internal static class JsonText
{
    // Duplicate keys would otherwise surface later, as an ArgumentException on first access to the object.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>Returns the parsed value, or false when <paramref name="text"/> is not one valid JSON document.</summary>
    public static bool TryParse(string text, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(text, documentOptions: Options);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }
}
