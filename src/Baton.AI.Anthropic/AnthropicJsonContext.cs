using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baton.AI.Anthropic;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(JsonElement[]))]
internal sealed partial class AnthropicJsonContext : JsonSerializerContext;
