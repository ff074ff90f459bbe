using System.Text.Json.Nodes;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>A schema ready to validate values, with the JSON it was built from (to read keywords' values for messages).</summary>
internal sealed class LoadedSchema
{
    public LoadedSchema(JsonSchema schema, JsonNode source)
    {
        Schema = schema;
        Source = source;
    }

    public JsonSchema Schema { get; }

    public JsonNode Source { get; }
}
