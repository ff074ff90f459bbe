using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Cli.Output;

internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, JsonNode? node) => writer.WriteLine(node?.ToJsonString(Indented) ?? "null");

    public static string Inline(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";
}
