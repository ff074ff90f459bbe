namespace Baton.Sqlite.Rows;

/// <summary>Looks up the body of a payload a row refers to.</summary>
internal interface IPayloadSource
{
    /// <summary>The payload's JSON text, or null when no payload has this hash.</summary>
    string? FindPayload(byte[] hash);
}
