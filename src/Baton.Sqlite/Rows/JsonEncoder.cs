using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Sqlite.Rows;

/// <summary>
/// Turns JSON values into column values. A value whose UTF-8 text fits the inline limit is stored as TEXT; a larger one
/// goes to the payload table and the column holds its 32-byte SHA-256 as a BLOB. SQLite keeps the two storage classes
/// apart, so the encoding is unambiguous; SQL NULL is a null value.
/// </summary>
internal sealed class JsonEncoder(int inlineLimit)
{
    public object? Encode(JsonNode? node, List<Payload> payloads) =>
        node is null ? null : Store(node.ToJsonString(BatonJsonContext.NodeOptions), payloads);

    public object? Encode(ErrorInfo? error, List<Payload> payloads) =>
        error is null ? null : Store(JsonSerializer.Serialize(error, BatonJsonContext.Default.ErrorInfo), payloads);

    private object Store(string json, List<Payload> payloads)
    {
        // A UTF-16 char takes at most 3 UTF-8 bytes, so short text needs no byte count.
        if ((long)json.Length * 3 <= inlineLimit || Encoding.UTF8.GetByteCount(json) <= inlineLimit)
        {
            return json;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        payloads.Add(new Payload(hash, json));
        return hash;
    }
}
