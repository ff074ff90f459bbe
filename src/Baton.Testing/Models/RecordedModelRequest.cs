using System.Text.Json;

namespace Baton.Testing.Models;

/// <summary>A request a loopback model server received. Credentials are recorded only as present or absent.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, such as <c>/v1/chat/completions</c>.</param>
/// <param name="Headers">Every header except <c>Authorization</c>, <c>x-api-key</c>, <c>api-key</c> and <c>Cookie</c>, names in lower case.</param>
/// <param name="HasAuthorization">Whether an <c>Authorization</c> header was sent.</param>
/// <param name="HasApiKeyHeader">Whether an <c>x-api-key</c> (or <c>api-key</c>) header was sent.</param>
/// <param name="BodyText">The body as text.</param>
/// <param name="Body">The body parsed as JSON; <see cref="JsonValueKind.Undefined"/> when it is not JSON.</param>
public sealed record RecordedModelRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    bool HasAuthorization,
    bool HasApiKeyHeader,
    string BodyText,
    JsonElement Body)
{
    /// <summary>The <c>model</c> field of the body, when there is one.</summary>
    public string? Model => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
        ? model.GetString()
        : null;
}
