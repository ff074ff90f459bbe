using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Baton.Definitions;
using Baton.Definitions.Compiler.Validation;
using Baton.Steps;

namespace Baton.Cli;

/// <summary>Builds a run's inputs from <c>--input-file</c> and <c>--input key=value</c> options.</summary>
internal static class InputBuilder
{
    /// <exception cref="UsageException">A malformed option or file.</exception>
    public static JsonObject Build(WorkflowDefinition definition, string? inputFile, IEnumerable<string> pairs)
    {
        var inputs = inputFile is null ? [] : ReadFile(inputFile);
        foreach (var pair in pairs)
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new UsageException($"--input '{pair}' must have the form key=value.");
            }

            var key = pair[..separator];
            inputs[key] = Parse(definition, key, pair[(separator + 1)..]);
        }

        return inputs;
    }

    /// <summary>
    /// A value is text when the input schema says the property is a string (directly, or through local <c>$ref</c>s);
    /// otherwise it is read as JSON when it parses (numbers of any size, booleans, lists, mappings) and as text when it does not.
    /// </summary>
    private static JsonNode? Parse(WorkflowDefinition definition, string key, string text)
    {
        if (DeclaredType(definition, key) == "string")
        {
            return JsonValue.Create(text);
        }

        return JsonText.TryParse(text, out var value) ? value : JsonValue.Create(text);
    }

    private static string? DeclaredType(WorkflowDefinition definition, string key)
    {
        var root = definition.InputSchema;
        var property = root?["properties"]?[key];

        // A chain of references ends within as many steps as the schema has parts; more means a loop.
        for (var hops = 0; hops < 64 && property is JsonObject schema; hops++)
        {
            if (SchemaReferences.Text(schema["type"]) is { } type)
            {
                return type;
            }

            if (SchemaReferences.Text(schema["$ref"]) is not { } reference || SchemaReferences.Resolve(root, reference) is not { } target)
            {
                return null;
            }

            property = SchemaTree.At(root, target);
        }

        return null;
    }

    private static JsonObject ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--input-file '{path}' cannot be read: {ex.Message}");
        }

        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!Utf8.IsValid(utf8))
        {
            throw new UsageException($"--input-file '{path}' is not UTF-8 text.");
        }

        try
        {
            return JsonText.Parse(utf8) as JsonObject
                ?? throw new UsageException($"--input-file '{path}' must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw JsonLimits.NotJson($"--input-file '{path}'", ex);
        }
    }
}
