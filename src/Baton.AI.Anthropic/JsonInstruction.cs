using Microsoft.Extensions.AI;

namespace Baton.AI.Anthropic;

/// <summary>Asks for JSON in words, and the <c>llm</c> step validates and repairs what comes back.</summary>
/// <remarks>
/// Not the API's structured outputs: only some Claude models accept them and the others reject the whole call, while an
/// instruction works with every model.
/// </remarks>
internal static class JsonInstruction
{
    public static string AppendTo(string? instructions, ChatResponseFormatJson format)
    {
        var ask = format.Schema is { } schema
            ? "Answer with a single JSON value that matches this JSON Schema, and nothing else: no prose, no code fences.\n"
              + $"JSON Schema{(format.SchemaName is { } name ? $" ({name})" : "")}:\n{schema.GetRawText()}"
            : "Answer with a single valid JSON value, and nothing else: no prose, no code fences.";
        return string.IsNullOrWhiteSpace(instructions) ? ask : $"{instructions}\n\n{ask}";
    }
}
