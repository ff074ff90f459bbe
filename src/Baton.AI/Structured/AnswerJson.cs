using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Structured;

/// <summary>Reads a model's answer as JSON: the whole text, or a single fenced block (<c>```json ... ```</c>) with nothing but whitespace around it.</summary>
internal static class AnswerJson
{
    /// <summary>The parsed JSON, or null with <paramref name="problem"/> saying why the answer is not JSON.</summary>
    public static bool TryParse(string? text, out JsonNode? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        var body = Unfence((text ?? string.Empty).Trim());
        if (body.Length == 0)
        {
            problem = "the answer is empty; it must be JSON";
            return false;
        }

        try
        {
            value = JsonText.Parse(body);
            return true;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line && ex.BytePositionInLine is { } column ? $" (line {line + 1}, position {column + 1})" : string.Empty;
            problem = body.StartsWith('{') || body.StartsWith('[')
                ? $"the answer is not valid JSON{where}; answer with the JSON value alone"
                : "the answer is not JSON; answer with the JSON value alone, without any other text";
            return false;
        }
    }

    /// <summary>The inside of a fenced block that is the whole text; the text itself otherwise.</summary>
    private static string Unfence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstLineEnd < 0)
        {
            return text;
        }

        var info = text[3..firstLineEnd].Trim();
        if (info.Length > 0 && !info.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var inner = text[(firstLineEnd + 1)..^3];
        return inner.Contains("```", StringComparison.Ordinal) ? text : inner.Trim();
    }
}
