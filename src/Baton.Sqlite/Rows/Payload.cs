namespace Baton.Sqlite.Rows;

/// <summary>A JSON value too large to keep in its row: stored once in the payload table under the SHA-256 of its UTF-8 text.</summary>
internal readonly record struct Payload(byte[] Hash, string Body);
