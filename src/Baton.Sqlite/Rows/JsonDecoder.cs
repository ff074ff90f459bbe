using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>Reads JSON columns written by <see cref="JsonEncoder"/>, following payload references.</summary>
internal static class JsonDecoder
{
    public static JsonNode? GetJson(this SqliteDataReader reader, int ordinal, IPayloadSource payloads, SqliteErrors errors)
    {
        var text = GetText(reader, ordinal, payloads, errors);
        return text is null ? null : JsonNode.Parse(text);
    }

    public static JsonObject? GetJsonObjectOrNull(this SqliteDataReader reader, int ordinal, IPayloadSource payloads, SqliteErrors errors) =>
        GetJson(reader, ordinal, payloads, errors) switch
        {
            null => null,
            JsonObject o => o,
            _ => throw errors.Corrupt($"column '{reader.GetName(ordinal)}' holds JSON that is not an object"),
        };

    public static JsonObject GetJsonObject(this SqliteDataReader reader, int ordinal, IPayloadSource payloads, SqliteErrors errors) =>
        GetJsonObjectOrNull(reader, ordinal, payloads, errors) ?? [];

    public static ErrorInfo? GetError(this SqliteDataReader reader, int ordinal, IPayloadSource payloads, SqliteErrors errors)
    {
        var text = GetText(reader, ordinal, payloads, errors);
        return text is null ? null : JsonSerializer.Deserialize(text, BatonJsonContext.Default.ErrorInfo);
    }

    private static string? GetText(SqliteDataReader reader, int ordinal, IPayloadSource payloads, SqliteErrors errors) =>
        reader.GetValue(ordinal) switch
        {
            DBNull => null,
            string text => text,
            byte[] hash => payloads.FindPayload(hash)
                ?? throw errors.Corrupt($"payload {Convert.ToHexString(hash)} that column '{reader.GetName(ordinal)}' refers to is missing"),
            var other => throw errors.Corrupt($"column '{reader.GetName(ordinal)}' holds a {other.GetType().Name} where JSON was expected"),
        };
}
