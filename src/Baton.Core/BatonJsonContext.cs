using System.Text.Json;
using System.Text.Json.Serialization;
using Baton.Definitions;
using Baton.Steps;

namespace Baton;

/// <summary>Source-generated serialization for the types Baton persists or sends on the wire.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ErrorInfo))]
[JsonSerializable(typeof(DefinitionBundle))]
internal sealed partial class BatonJsonContext : JsonSerializerContext
{
    /// <summary>Options for <see cref="System.Text.Json.Nodes.JsonNode"/> trees: compact, and non-ASCII text left readable.</summary>
    public static readonly JsonSerializerOptions NodeOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
