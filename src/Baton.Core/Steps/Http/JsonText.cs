using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>
/// Parses JSON that comes from outside (a response body, a process's stdout, a file or option of the CLI, a <c>fromJson</c>
/// argument) strictly. System.Text.Json accepts two things that only fail later, on first access, with an exception that is
/// not a <see cref="JsonException"/>: a key that appears twice in an object, and a string escape of half a surrogate pair
/// (<c>"\ud800"</c> alone). Both are refused here, where the line and position can still be told.
/// </summary>
internal static class JsonText
{
    /// <summary>Returns the parsed value, or false when <paramref name="text"/> is not one valid JSON document.</summary>
    public static bool TryParse(string text, out JsonNode? node)
    {
        try
        {
            node = Parse(text);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static JsonNode? Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>Parses one JSON document, nested at most 64 levels deep.</summary>
    /// <exception cref="JsonException">The text is not one valid JSON document; its line and position say where.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        Check(utf8);
        return JsonNode.Parse(utf8);
    }

    private static void Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var keys = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    keys.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    keys.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var key = Text(ref reader, utf8);
                    if (!keys.Peek().Add(key))
                    {
                        throw Error(utf8, reader.TokenStartIndex, $"The key '{key}' appears twice in one object.");
                    }

                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    Text(ref reader, utf8);
                    break;
            }
        }
    }

    private static string Text(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error(utf8, reader.TokenStartIndex, "A string escapes half a surrogate pair (such as \\ud800 alone), which is not text.");
        }
    }

    private static JsonTextException Error(ReadOnlySpan<byte> utf8, long offset, string message)
    {
        var before = utf8[..(int)offset];
        var line = before.Count((byte)'\n');
        var column = before.Length - (before.LastIndexOf((byte)'\n') + 1);
        return new JsonTextException(message, line, column);
    }
}

/// <summary>JSON that System.Text.Json reads but <see cref="JsonText"/> refuses; the message says why, in a sentence.</summary>
internal sealed class JsonTextException(string message, long lineNumber, long bytePositionInLine)
    : JsonException(message, path: null, lineNumber, bytePositionInLine);
