using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Cli;

/// <summary>
/// The limits on JSON that comes in on the command line (<c>--input-file</c>, <c>--input</c>, <c>--data</c>): at most
/// <see cref="MaxBytes"/> and nested at most <see cref="MaxDepth"/> deep. A run keeps its inputs in the store and in
/// memory for its whole life; large data belongs in a file or a URL that the workflow reads.
/// </summary>
internal static class JsonLimits
{
    /// <summary>4 MiB of UTF-8.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>System.Text.Json's default depth, which the engine and the store use too.</summary>
    public const int MaxDepth = 64;

    /// <summary>Checks an <c>--input-file</c> before it is read: a file (not a directory), within the size and depth limits.</summary>
    /// <exception cref="UsageException">The file breaks a limit or is not a file.</exception>
    public static void CheckInputFile(string path)
    {
        const string option = "--input-file";
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option} '{path}' is a directory; give a JSON file that holds the inputs as an object.");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new UsageException($"{option} '{path}' does not exist.");
        }

        if (file.Length > MaxBytes)
        {
            throw TooLarge($"{option} '{path}'", file.Length);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}' cannot be read: {ex.Message}");
        }

        CheckDepth($"{option} '{path}'", bytes);
    }

    /// <summary>Parses the JSON of an option such as <c>--data</c>, within the limits.</summary>
    /// <exception cref="UsageException">The text is too large, too deeply nested, or not JSON.</exception>
    public static JsonNode? Parse(string text, string option)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > MaxBytes)
        {
            throw TooLarge(option, bytes.Length);
        }

        CheckDepth(option, bytes);
        try
        {
            return JsonText.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw NotJson(option, ex);
        }
    }

    /// <summary>The error for JSON that does not parse: where, and why when the reason is more than a syntax error.</summary>
    public static UsageException NotJson(string what, JsonException ex)
        => new($"{what} is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}){(ex is JsonTextException ? ": " + ex.Message : ".")}");

    /// <summary>Checks a run's inputs as a whole, once they are gathered from the file and the <c>--input</c> options.</summary>
    /// <exception cref="UsageException">They exceed the size limit.</exception>
    public static void CheckInputs(JsonObject inputs)
    {
        var size = Encoding.UTF8.GetByteCount(inputs.ToJsonString());
        if (size > MaxBytes)
        {
            throw TooLarge("The inputs", size);
        }
    }

    private static void CheckDepth(string what, byte[] bytes)
    {
        if (Depth(bytes) is > MaxDepth and var depth)
        {
            throw new UsageException($"{what} is nested {depth} levels deep; JSON input may be nested at most {MaxDepth} levels.");
        }
    }

    /// <summary>The deepest nesting of objects and arrays; as far as the text is valid JSON.</summary>
    private static int Depth(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    deepest = Math.Max(deepest, reader.CurrentDepth + 1);
                }
            }
        }
        catch (JsonException)
        {
            // Invalid further on: its parser says where, unless it was already too deep.
            return deepest;
        }

        return deepest;
    }

    private static UsageException TooLarge(string what, long bytes)
        => new($"{what} is {Size(bytes)}; JSON input is limited to {Size(MaxBytes)}. Put large data in a file or at a URL that the workflow reads, and pass its path.");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB";
}
