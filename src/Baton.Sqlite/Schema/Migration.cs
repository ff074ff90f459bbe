namespace Baton.Sqlite.Schema;

/// <summary>One step of the schema's history: the script that takes a store from <c>Version - 1</c> to <paramref name="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Script);
